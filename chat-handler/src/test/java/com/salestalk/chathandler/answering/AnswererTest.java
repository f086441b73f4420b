package com.salestalk.chathandler.answering;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.chathandler.understanding.QueryPlan;
import com.salestalk.chathandler.understanding.QuestionUnderstanding;
import com.salestalk.chathandler.understanding.TenantVocabulary;
import com.salestalk.chathandler.understanding.UnderstandingProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Questions asked on Thursday 2026-05-14, understood, then answered from a tenant's cells: the
 * exact narrative, the figures it quotes and its computed grounding.
 */
class AnswererTest {

  static final Currency USD = Currency.getInstance("USD");

  final FakeCells cells =
      new FakeCells("t-1")
          .month("revenue", "2025-10", Map.of("EU", 4000, "US", 6000))
          .month("revenue", "2025-11", Map.of("EU", 5000, "US", 5500))
          .month("revenue", "2025-12", Map.of("EU", 3000, "US", 8000))
          .month("revenue", "2026-01", Map.of("EU", 4000, "US", 8000, "APAC", 500))
          .month("revenue", "2026-02", Map.of("EU", 4500, "US", 9000, "APAC", 700))
          .month(
              "revenue",
              YearMonth.parse("2026-03"),
              Map.of(
                  "EU", BigDecimal.valueOf(5000),
                  "US", BigDecimal.valueOf(9500),
                  "APAC", new BigDecimal("834.50")))
          .month("revenue", "2026-04", Map.of("EU", 6000, "US", 10000, "APAC", 1000))
          .month("deals_closed", "2026-01", Map.of("EU", 5, "US", 7))
          .month("deals_closed", "2026-02", Map.of("EU", 4, "US", 5))
          .month("deals_closed", "2026-03", Map.of("EU", 6, "US", 9));

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(
          UnderstandingProperties.defaults(),
          Clock.fixed(Instant.parse("2026-05-14T13:00:00Z"), ZoneOffset.UTC));
  final TenantVocabulary vocabulary =
      new TenantVocabulary(Set.of("revenue", "deals_closed"), Set.of("region"), ZoneOffset.UTC);
  final Answerer answerer = new Answerer(cells);

  Answer ask(String question) {
    return ask("t-1", USD, question);
  }

  Answer ask(String tenant, Currency currency, String question) {
    QueryPlan plan = understanding.understand(question, vocabulary);
    return answerer.answer(tenant, currency, plan);
  }

  static MetricUsed used(String metric, String period, String value) {
    return new MetricUsed(metric, period, new BigDecimal(value), null);
  }

  @Test
  void aLookupQuotesTheTotalInTheTenantsCurrency() {
    Answer answer = ask("What was revenue last quarter?");

    assertThat(answer.narrative()).isEqualTo("Revenue in Q1 2026 was $42K.");
    assertThat(answer.metricsUsed()).containsExactly(used("revenue", "Q1 2026", "42034.50"));
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void aLookupOfACountIsAPlainNumberAndAnotherCurrencyItsSymbol() {
    assertThat(ask("How many deals did we close in Q1 2026?").narrative())
        .isEqualTo("Deals closed in Q1 2026 was 36.");
    assertThat(ask("t-1", Currency.getInstance("EUR"), "revenue in March").narrative())
        .isEqualTo("Revenue in March 2026 was €15.3K.");
  }

  @Test
  void aComparisonNamesBothPeriodsAndTheChange() {
    Answer answer = ask("Compare revenue Q1 vs Q4");

    assertThat(answer.narrative())
        .isEqualTo("Revenue was $42K in Q1 2026, up 33.4% from $31.5K in Q4 2025.");
    assertThat(answer.metricsUsed())
        .containsExactly(
            used("revenue", "Q1 2026", "42034.50"),
            used("revenue", "Q4 2025", "31500"),
            used("revenue", "Q1 2026 vs Q4 2025", "0.3344285714285714"));
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void aTrendQuotesEveryMonthWithDataAndTheChangeFromFirstToLast() {
    Answer answer = ask("How has revenue trended month by month this year?");

    assertThat(answer.narrative())
        .isEqualTo(
            "Revenue in 2026, month by month: January 2026 $12.5K, February 2026 $14.2K,"
                + " March 2026 $15.3K and April 2026 $17K; up 36% from January 2026 to April 2026.");
    assertThat(answer.metricsUsed())
        .containsExactly(
            used("revenue", "January 2026", "12500"),
            used("revenue", "February 2026", "14200"),
            used("revenue", "March 2026", "15334.50"),
            used("revenue", "April 2026", "17000"),
            used("revenue", "April 2026 vs January 2026", "0.36"));
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void topPerformersRankTheDimensionsValuesOverTheWholePeriod() {
    Answer answer = ask("Top 2 regions by revenue last quarter");

    assertThat(answer.narrative())
        .isEqualTo("Revenue in Q1 2026 by region, highest first: US $26.5K and EU $13.5K.");
    assertThat(answer.metricsUsed())
        .containsExactly(
            new MetricUsed("revenue", "Q1 2026", new BigDecimal("26500"), "region=US"),
            new MetricUsed("revenue", "Q1 2026", new BigDecimal("13500"), "region=EU"));
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void theWorstPerformerIsTheLowestAndSmallMoneyKeepsItsCents() {
    Answer answer = ask("Which region had the lowest revenue in Q1?");

    assertThat(answer.narrative())
        .isEqualTo(
            "Revenue in Q1 2026 by region, lowest first: APAC $2,034.50, EU $13.5K and US $26.5K.");
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void aPeriodWithoutDataSaysSoAndPointsToTheUploadPage() {
    Answer answer = ask("What was revenue in 2024?");

    assertThat(answer.narrative())
        .isEqualTo(
            "There is no revenue data in 2024. Upload it on the upload page to ask about it.");
    assertThat(answer.metricsUsed()).isEmpty();
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void aTenantWithoutAnyDataIsToldToUpload() {
    Answer answer = ask("t-2", USD, "What was revenue last quarter?");

    assertThat(answer.narrative()).isEqualTo(Answerer.NO_DATA_YET_TEXT);
    assertThat(answer.metricsUsed()).isEmpty();
    assertThat(answer.grounded()).isTrue();
  }

  @Test
  void aClarificationIsTheQuestionBackWithoutReadingCells() {
    QueryPlan plan = understanding.understand("Compare revenue", vocabulary);
    Answer answer = answerer.answer("t-1", USD, plan);

    assertThat(plan.clarification()).isNotNull();
    assertThat(answer.narrative()).isEqualTo(plan.clarification());
    assertThat(answer.metricsUsed()).isEmpty();
    assertThat(answer.grounded()).isTrue();
    assertThat(cells.summaryReads).isZero();
  }

  @Test
  void aRollingPeriodIsSummedFromTheFewestCellPeriods() {
    Answer answer = ask("revenue in the last 12 months");

    assertThat(answer.narrative()).isEqualTo("Revenue in the last 12 months was $90.5K.");
    // May, June, Q3, Q4 2025, Q1 2026, April 2026
    assertThat(cells.summaryReads).isEqualTo(6);
    assertThat(answer.grounded()).isTrue();
  }
}
