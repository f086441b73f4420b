package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.chathandler.understanding.Entity.Kind;
import com.salestalk.eventcontracts.events.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole plan of a few questions, and where each part came from. */
class QueryPlanTest {

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(
          UnderstandingProperties.defaults(), PeriodResolutionTest.MAY_14_2026);

  @Test
  void aRankingQuestion() {
    QueryPlan plan =
        understanding.understand(
            "Top 5 reps by revnue last quarter?", LabelledQuestionsTest.TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.TOP_PERFORMERS);
    assertThat(plan.confidence()).isEqualTo(0.71);
    assertThat(plan.metrics()).containsExactly("revenue");
    assertThat(plan.periods())
        .containsExactly(
            new Period(
                org.threeten.extra.LocalDateRange.parse("2026-01-01/2026-04-01"),
                Grain.QUARTER,
                "Q1 2026"));
    assertThat(plan.dimension()).isEqualTo("sales_rep");
    assertThat(plan.ranking()).isEqualTo(new Ranking(5, false));
    assertThat(plan.comparison()).isFalse();
    assertThat(plan.trend()).isFalse();
    assertThat(plan.entities())
        .containsExactly(
            new Entity(Kind.DIMENSION, "sales_rep", "reps"),
            new Entity(Kind.METRIC, "revenue", "revnue"),
            new Entity(Kind.PERIOD, "2026-01-01/2026-03-31", "last quarter"),
            new Entity(Kind.RANKING, "top 5", "Top 5"));
    assertThat(plan.scores().get(0))
        .isEqualTo(
            new IntentScore(
                Intent.TOP_PERFORMERS,
                6.0,
                List.of("\"top\"", "a dimension", "a breakdown by the dimension")));
    assertThat(plan.clarification()).isNull();
  }

  @Test
  void aComparisonNamesBothPeriodsAndTheirWords() {
    QueryPlan plan =
        understanding.understand("Compare Q1 and Q2 bookings", LabelledQuestionsTest.TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.COMPARISON);
    assertThat(plan.comparison()).isTrue();
    assertThat(plan.entities())
        .containsExactly(
            new Entity(Kind.METRIC, "revenue", "bookings"),
            new Entity(Kind.PERIOD, "2026-01-01/2026-03-31", "Q1"),
            new Entity(Kind.PERIOD, "2026-04-01/2026-06-30", "Q2"));
  }

  @Test
  void aMonthlyBreakdownIsATrendWhateverElseItIs() {
    QueryPlan plan =
        understanding.understand(
            "monthly revenue by region this year", LabelledQuestionsTest.TENANT);

    assertThat(plan.trend()).isTrue();
    assertThat(plan.dimension()).isEqualTo("region");
  }

  @Test
  void aBottomRankingIsLowestFirst() {
    QueryPlan plan =
        understanding.understand("bottom three regions for win rate", LabelledQuestionsTest.TENANT);

    assertThat(plan.ranking()).isEqualTo(new Ranking(3, true));
  }

  @Test
  void theSameQuestionOnTheSameDayGivesTheSamePlan() {
    String question = "why did churn spike in Febuary?";

    assertThat(understanding.understand(question, LabelledQuestionsTest.TENANT))
        .isEqualTo(understanding.understand(question, LabelledQuestionsTest.TENANT));
  }

  @Test
  void anEmptyQuestionIsUnknown() {
    QueryPlan plan = understanding.understand("  ?! ", LabelledQuestionsTest.TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.UNKNOWN);
    assertThat(plan.confidence()).isEqualTo(1.0);
    assertThat(plan.metrics()).isEmpty();
    assertThat(plan.periods()).isEmpty();
    assertThat(plan.clarification()).isNull();
  }
}
