package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.events.Intent;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the plan asks back instead of guessing, and what it asks. */
class ClarificationTest {

  static final TenantVocabulary TENANT =
      new TenantVocabulary(
          Set.of("revenue", "deals_closed", "units", "win_rate", "leads"),
          Set.of("region", "product", "sales_rep"),
          ZoneId.of("America/New_York"));

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(
          UnderstandingProperties.defaults(), PeriodResolutionTest.MAY_14_2026);

  @Test
  void asksWhichIntentWhenTheTwoBestScoreAlike() {
    QueryPlan plan = understanding.understand("revenue trend vs last year", TENANT);

    assertThat(plan.scores().get(0).score()).isEqualTo(plan.scores().get(1).score());
    assertThat(plan.clarification())
        .isEqualTo(
            "Do you want the trend of revenue month by month or revenue compared between two periods?");
  }

  @Test
  void theMarginIsConfigurable() {
    QuestionUnderstanding noMargin =
        new QuestionUnderstanding(
            new UnderstandingProperties(0.0, null, null), PeriodResolutionTest.MAY_14_2026);
    QuestionUnderstanding wideMargin =
        new QuestionUnderstanding(
            new UnderstandingProperties(0.9, null, null), PeriodResolutionTest.MAY_14_2026);

    assertThat(noMargin.understand("revenue trend vs last year", TENANT).clarification()).isNull();
    assertThat(wideMargin.understand("revenue by region last month", TENANT).clarification())
        .isEqualTo("Do you want a ranking by region or the total of revenue?");
  }

  @Test
  void asksWhichMetricWhenALookupNamesNone() {
    QueryPlan plan = understanding.understand("how did we do last month?", TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.METRIC_LOOKUP);
    assertThat(plan.clarification())
        .isEqualTo("Which metric do you mean? For example deals closed, leads, revenue or units.");
  }

  @Test
  void saysThereIsNothingToAskAboutWhenTheTenantHasNoMetricsYet() {
    TenantVocabulary empty = new TenantVocabulary(Set.of(), Set.of(), ZoneId.of("UTC"));

    assertThat(understanding.understand("what was revenue last month", empty).clarification())
        .isEqualTo(
            "There are no numbers for your account yet: upload a CSV of your metrics first.");
  }

  @Test
  void asksWhichDimensionWhenARankingNamesNone() {
    QueryPlan plan = understanding.understand("top 5 by revenue last quarter", TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.TOP_PERFORMERS);
    assertThat(plan.ranking()).isEqualTo(new Ranking(5, false));
    assertThat(plan.clarification()).isEqualTo("Rank by which of product, region or sales rep?");
  }

  @Test
  void asksWhatToCompareWithWhenAComparisonNamesOnePeriodAndNoDefault() {
    QueryPlan plan = understanding.understand("how does revenue in March compare", TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.COMPARISON);
    assertThat(plan.periods()).extracting(Period::label).containsExactly("March 2026");
    assertThat(plan.clarification())
        .isEqualTo(
            "Compare March 2026 with which period: February 2026 (the one before)"
                + " or March 2025 (a year earlier)?");
  }

  @Test
  void asksForTwoPeriodsWhenAComparisonNamesNone() {
    QueryPlan plan = understanding.understand("compare revenue", TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.COMPARISON);
    assertThat(plan.periods()).isEmpty();
    assertThat(plan.clarification())
        .isEqualTo(
            "Which two periods should I compare? For example \"this quarter vs last quarter\".");
  }

  @Test
  void doesNotAskWhenTheOtherPeriodIsImplied() {
    assertThat(
            understanding
                .understand("revenue in March vs the previous month", TENANT)
                .clarification())
        .isNull();
    assertThat(understanding.understand("did revenue grow in March", TENANT).clarification())
        .isNull();
    assertThat(
            understanding.understand("compare revenue and units in March", TENANT).clarification())
        .isNull();
    assertThat(
            understanding.understand("compare regions by revenue in March", TENANT).clarification())
        .isNull();
  }

  @Test
  void aGreetingOrAnUnknownQuestionIsNotClarified() {
    QueryPlan greeting = understanding.understand("hello!", TENANT);
    QueryPlan unknown = understanding.understand("what's the weather like", TENANT);

    assertThat(greeting.intent()).isEqualTo(Intent.GREETING);
    assertThat(greeting.clarification()).isNull();
    assertThat(unknown.intent()).isEqualTo(Intent.UNKNOWN);
    assertThat(unknown.clarification()).isNull();
  }
}
