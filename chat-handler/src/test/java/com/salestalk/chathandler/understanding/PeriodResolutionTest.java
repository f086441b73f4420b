package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.events.Intent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each period form, resolved on Thursday 2026-05-14 in New York (13:00 UTC). */
class PeriodResolutionTest {

  static final Clock MAY_14_2026 =
      Clock.fixed(Instant.parse("2026-05-14T13:00:00Z"), ZoneOffset.UTC);
  static final TenantVocabulary TENANT =
      new TenantVocabulary(Set.of("revenue"), Set.of("region"), ZoneId.of("America/New_York"));

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(UnderstandingProperties.defaults(), MAY_14_2026);

  @ParameterizedTest(name = "revenue {0} = {1} ({2}, {3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          last quarter                  | 2026-01-01/2026-03-31 | QUARTER | Q1 2026
          the previous quarter          | 2026-01-01/2026-03-31 | QUARTER | Q1 2026
          this quarter                  | 2026-04-01/2026-06-30 | QUARTER | Q2 2026
          next quarter                  | 2026-07-01/2026-09-30 | QUARTER | Q3 2026
          this year                     | 2026-01-01/2026-12-31 | YEAR    | 2026
          last year                     | 2025-01-01/2025-12-31 | YEAR    | 2025
          the year before last          | 2024-01-01/2024-12-31 | YEAR    | 2024
          in 2024                       | 2024-01-01/2024-12-31 | YEAR    | 2024
          for FY2025                    | 2025-01-01/2025-12-31 | YEAR    | 2025
          Q3 2025                       | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          2025 Q3                       | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          in Q3 '25                     | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          for the third quarter of 2025 | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          for the last quarter of 2025  | 2025-10-01/2025-12-31 | QUARTER | Q4 2025
          in Q3 last year               | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          in Q3                         | 2025-07-01/2025-09-30 | QUARTER | Q3 2025
          in Q2                         | 2026-04-01/2026-06-30 | QUARTER | Q2 2026
          in March                      | 2026-03-01/2026-03-31 | MONTH   | March 2026
          in June                       | 2025-06-01/2025-06-30 | MONTH   | June 2025
          in May                        | 2026-05-01/2026-05-31 | MONTH   | May 2026
          last May                      | 2025-05-01/2025-05-31 | MONTH   | May 2025
          last March                    | 2026-03-01/2026-03-31 | MONTH   | March 2026
          in Febuary                    | 2026-02-01/2026-02-28 | MONTH   | February 2026
          in March 2025                 | 2025-03-01/2025-03-31 | MONTH   | March 2025
          in Sept last year             | 2025-09-01/2025-09-30 | MONTH   | September 2025
          in 2025-11                    | 2025-11-01/2025-11-30 | MONTH   | November 2025
          for 11/2025                   | 2025-11-01/2025-11-30 | MONTH   | November 2025
          last month                    | 2026-04-01/2026-04-30 | MONTH   | April 2026
          this month                    | 2026-05-01/2026-05-31 | MONTH   | May 2026
          2 months ago                  | 2026-03-01/2026-03-31 | MONTH   | March 2026
          a year ago                    | 2025-01-01/2025-12-31 | YEAR    | 2025
          last 12 months                | 2025-05-01/2026-04-30 | RANGE   | last 12 months
          over the trailing twelve months | 2025-05-01/2026-04-30 | RANGE | last 12 months
          TTM                           | 2025-05-01/2026-04-30 | RANGE   | last 12 months
          in the past 30 days           | 2026-04-14/2026-05-13 | RANGE   | last 30 days
          for the last two quarters     | 2025-10-01/2026-03-31 | RANGE   | last 2 quarters
          over the last 3 years         | 2023-01-01/2025-12-31 | RANGE   | last 3 years
          next 3 months                 | 2026-06-01/2026-08-31 | RANGE   | next 3 months
          YTD                           | 2026-01-01/2026-05-14 | RANGE   | 2026 year to date
          year to date                  | 2026-01-01/2026-05-14 | RANGE   | 2026 year to date
          so far this year              | 2026-01-01/2026-05-14 | RANGE   | 2026 year to date
          QTD                           | 2026-04-01/2026-05-14 | RANGE   | Q2 2026 to date
          MTD                           | 2026-05-01/2026-05-14 | RANGE   | May 2026 to date
          for the rest of the year      | 2026-05-15/2026-12-31 | RANGE   | rest of 2026
          H1                            | 2026-01-01/2026-06-30 | HALF    | H1 2026
          H2                            | 2025-07-01/2025-12-31 | HALF    | H2 2025
          H2 2024                       | 2024-07-01/2024-12-31 | HALF    | H2 2024
          in the first half of 2025     | 2025-01-01/2025-06-30 | HALF    | H1 2025
          in the second half of last year | 2025-07-01/2025-12-31 | HALF  | H2 2025
          since January                 | 2026-01-01/2026-05-14 | RANGE   | since January 2026
          since September               | 2025-09-01/2026-05-14 | RANGE   | since September 2025
          since Q4                      | 2025-10-01/2026-05-14 | RANGE   | since Q4 2025
          since 2024                    | 2024-01-01/2026-05-14 | RANGE   | since 2024
          since the start of the quarter | 2026-04-01/2026-05-14 | RANGE  | since Q2 2026
          from January to March         | 2026-01-01/2026-03-31 | RANGE   | January 2026 to March 2026
          Jan-Mar 2025                  | 2025-01-01/2025-03-31 | RANGE   | January 2025 to March 2025
          between October and December  | 2025-10-01/2025-12-31 | RANGE   | October 2025 to December 2025
          from November to February     | 2025-11-01/2026-02-28 | RANGE   | November 2025 to February 2026
          2023-2025                     | 2023-01-01/2025-12-31 | RANGE   | 2023 to 2025
          yesterday                     | 2026-05-13/2026-05-13 | DAY     | 2026-05-13
          today                         | 2026-05-14/2026-05-14 | DAY     | 2026-05-14
          last week                     | 2026-05-04/2026-05-10 | WEEK    | week of 2026-05-04
          this week                     | 2026-05-11/2026-05-17 | WEEK    | week of 2026-05-11
          """)
  void resolvesEachPeriodForm(String words, String iso, Grain grain, String label) {
    QueryPlan plan = understanding.understand("revenue " + words, TENANT);

    assertThat(plan.periods()).hasSize(1);
    Period period = plan.periods().get(0);
    assertThat(period.iso()).isEqualTo(iso);
    assertThat(period.grain()).isEqualTo(grain);
    assertThat(period.label()).isEqualTo(label);
  }

  @ParameterizedTest(name = "{0} = {1} and {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          revenue 2024 vs 2025                             | 2024-01-01/2024-12-31 | 2025-01-01/2025-12-31
          revenue this quarter vs last quarter             | 2026-04-01/2026-06-30 | 2026-01-01/2026-03-31
          revenue H1 vs H2 2025                            | 2025-01-01/2025-06-30 | 2025-07-01/2025-12-31
          compare revenue in March and April               | 2026-03-01/2026-03-31 | 2026-04-01/2026-04-30
          revenue yoy                                      | 2026-01-01/2026-05-14 | 2025-01-01/2025-05-14
          revenue month over month                         | 2026-05-01/2026-05-14 | 2026-04-01/2026-04-14
          revenue qoq                                      | 2026-04-01/2026-05-14 | 2026-01-01/2026-02-14
          revenue in Q1 vs the same quarter last year      | 2026-01-01/2026-03-31 | 2025-01-01/2025-03-31
          revenue last month compared to the month before  | 2026-04-01/2026-04-30 | 2026-03-01/2026-03-31
          revenue last quarter vs the previous one         | 2026-01-01/2026-03-31 | 2025-10-01/2025-12-31
          revenue vs last year                             | 2026-01-01/2026-12-31 | 2025-01-01/2025-12-31
          is revenue up compared with last month           | 2026-05-01/2026-05-31 | 2026-04-01/2026-04-30
          YTD revenue vs last year                         | 2026-01-01/2026-05-14 | 2025-01-01/2025-05-14
          revenue this quarter compared to last year       | 2026-04-01/2026-06-30 | 2025-04-01/2025-06-30
          did revenue grow last quarter                    | 2026-01-01/2026-03-31 | 2025-10-01/2025-12-31
          how did revenue change from Q4 to Q1             | 2025-10-01/2025-12-31 | 2026-01-01/2026-03-31
          revenue last 6 months vs the 6 months before     | 2025-11-01/2026-04-30 | 2025-05-01/2025-10-31
          revenue in the past 30 days vs the period before | 2026-04-14/2026-05-13 | 2026-03-15/2026-04-13
          """)
  void resolvesBothPeriodsOfAComparison(String question, String first, String second) {
    QueryPlan plan = understanding.understand(question, TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.COMPARISON);
    assertThat(plan.periods()).extracting(Period::iso).containsExactly(first, second);
    assertThat(plan.clarification()).isNull();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          forecast revenue for Q3      | 2026-07-01/2026-09-30
          forecast revenue for March   | 2027-03-01/2027-03-31
          forecast revenue for May     | 2026-05-01/2026-05-31
          forecast revenue for H2      | 2026-07-01/2026-12-31
          """)
  void aForecastReadsAYearlessNameAsTheNextOne(String question, String iso) {
    QueryPlan plan = understanding.understand(question, TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.FORECAST);
    assertThat(plan.periods()).extracting(Period::iso).containsExactly(iso);
  }

  @Test
  void aTrendWithoutAPeriodCoversTheLastTwelveMonths() {
    QueryPlan plan = understanding.understand("revenue trend", TENANT);

    assertThat(plan.intent()).isEqualTo(Intent.TREND_ANALYSIS);
    assertThat(plan.periods()).extracting(Period::iso).containsExactly("2025-05-01/2026-04-30");
    assertThat(plan.entities())
        .contains(new Entity(Entity.Kind.PERIOD, "2025-05-01/2026-04-30", ""));
  }

  @Test
  void todayIsTheTenantsDayNotUtcs() {
    // 02:30 UTC on 1 April is still 31 March in Los Angeles.
    Clock clock = Clock.fixed(Instant.parse("2026-04-01T02:30:00Z"), ZoneOffset.UTC);
    QuestionUnderstanding understanding =
        new QuestionUnderstanding(UnderstandingProperties.defaults(), clock);

    QueryPlan losAngeles =
        understanding.understand(
            "revenue this quarter",
            new TenantVocabulary(Set.of("revenue"), Set.of(), ZoneId.of("America/Los_Angeles")));
    QueryPlan berlin =
        understanding.understand(
            "revenue this quarter",
            new TenantVocabulary(Set.of("revenue"), Set.of(), ZoneId.of("Europe/Berlin")));

    assertThat(losAngeles.periods()).extracting(Period::label).containsExactly("Q1 2026");
    assertThat(berlin.periods()).extracting(Period::label).containsExactly("Q2 2026");
  }

  @Test
  void aBareMonthIsTheCurrentOneWhileItRunsAndLastYearsBeforeItStarts() {
    Clock march10 = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    Clock february10 = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);

    assertThat(periodsOf("revenue in March", march10)).containsExactly("2026-03-01/2026-03-31");
    assertThat(periodsOf("revenue in March", february10)).containsExactly("2025-03-01/2025-03-31");
  }

  @Test
  void mayIsAMonthOnlyWhereAMonthCanStand() {
    assertThat(periodsOf("revenue may have dropped", MAY_14_2026)).isEmpty();
    assertThat(periodsOf("revenue for May", MAY_14_2026)).containsExactly("2026-05-01/2026-05-31");
    assertThat(periodsOf("May 2025 revenue", MAY_14_2026)).containsExactly("2025-05-01/2025-05-31");
  }

  private List<String> periodsOf(String question, Clock clock) {
    return new QuestionUnderstanding(UnderstandingProperties.defaults(), clock)
        .understand(question, TENANT).periods().stream().map(Period::iso).toList();
  }
}
