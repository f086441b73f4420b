package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tenant's metric and dimension names, their synonyms, plurals, case and small typos. */
class MetricMatchingTest {

  static final TenantVocabulary TENANT =
      new TenantVocabulary(
          Set.of(
              "revenue", "deals_closed", "units", "churned_customers", "new_customers", "win_rate"),
          Set.of("region", "sales_rep"),
          ZoneId.of("UTC"));

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(
          UnderstandingProperties.defaults(), PeriodResolutionTest.MAY_14_2026);

  @ParameterizedTest(name = "\"{0}\" names {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          revenue last month                    | revenue
          REVENUE last month                    | revenue
          Revenues last month                   | revenue
          sales last month                      | revenue
          bookings last month                   | revenue
          how much did we sell last month       | revenue
          deals won last month                  | deals_closed
          closed deals last month               | deals_closed
          how many deals last month             | deals_closed
          deals closed last month               | deals_closed
          deal closed last month                | deals_closed
          churn last month                      | churned_customers
          new clients last month                | new_customers
          close rate last month                 | win_rate
          units sold last month                 | units
          revnue last month                     | revenue
          reveune last month                    | revenue
          new custmers last month               | new_customers
          new cusotmers last month              | new_customers
          chruned customers last month          | churned_customers
          """)
  void matchesNamesSynonymsPluralsCaseAndTypos(String question, String metric) {
    assertThat(understanding.understand(question, TENANT).metrics()).containsExactly(metric);
  }

  @Test
  void namesEveryMetricOnceInTheOrderAsked() {
    assertThat(understanding.understand("units and revenue and sales last month", TENANT).metrics())
        .containsExactly("units", "revenue");
  }

  @Test
  void aVerbNamesRevenueOnlyWhenNothingMoreSpecificIsNamed() {
    assertThat(understanding.understand("how many units did we sell last month", TENANT).metrics())
        .containsExactly("units");
  }

  @Test
  void theLongestPhraseWinsSoASalesRepIsADimensionNotRevenue() {
    QueryPlan plan = understanding.understand("revenue by sales rep last month", TENANT);

    assertThat(plan.metrics()).containsExactly("revenue");
    assertThat(plan.dimension()).isEqualTo("sales_rep");
  }

  @Test
  void typosNeedAWordOfFourLettersForOneEditAndEightForTwo() {
    // "rvnu" (4 letters) is 3 edits from "revenue"; "uints" is one transposition from "units"
    assertThat(understanding.understand("rvnu last month", TENANT).metrics()).isEmpty();
    assertThat(understanding.understand("uints last month", TENANT).metrics())
        .containsExactly("units");
    // "chrnd" (5 letters) is 2 edits from "churned": too many for a short word
    assertThat(understanding.understand("chrnd customers last month", TENANT).metrics()).isEmpty();
    // "custmrs" (7 letters) is 2 edits from "customers"; "cstomrs" too: short words allow one
    assertThat(understanding.understand("new custmrs last month", TENANT).metrics()).isEmpty();
    // "custommmers" (11 letters) is 2 edits from "customers": long words allow two
    assertThat(understanding.understand("new custommmers last month", TENANT).metrics())
        .containsExactly("new_customers");
  }

  @Test
  void aSynonymAppliesOnlyToATenantWithThatMetric() {
    TenantVocabulary withoutDeals =
        new TenantVocabulary(Set.of("revenue"), Set.of(), ZoneId.of("UTC"));

    assertThat(understanding.understand("deals won last month", withoutDeals).metrics()).isEmpty();
  }

  @Test
  void theTenantsOwnNamesMatchWhateverTheirSpelling() {
    TenantVocabulary tenant =
        new TenantVocabulary(
            Set.of("Net New ARR", "gross-margin"), Set.of("Sales Team"), ZoneId.of("UTC"));

    QueryPlan plan = understanding.understand("net new arr and gross margin by sales team", tenant);

    assertThat(plan.metrics()).containsExactly("Net New ARR", "gross-margin");
    assertThat(plan.dimension()).isEqualTo("Sales Team");
  }

  @Test
  void configuredSynonymsAddToTheDefaults() {
    UnderstandingProperties properties =
        new UnderstandingProperties(
            null, Map.of("revenue", List.of("gmv")), Map.of("region", List.of("country")));
    QuestionUnderstanding configured =
        new QuestionUnderstanding(properties, PeriodResolutionTest.MAY_14_2026);

    QueryPlan plan = configured.understand("gmv and sales per country last month", TENANT);

    assertThat(plan.metrics()).containsExactly("revenue");
    assertThat(plan.entities())
        .extracting(Entity::words)
        .containsExactly("gmv", "sales", "country", "last month");
    assertThat(plan.dimension()).isEqualTo("region");
  }

  @Test
  void editDistanceCountsAnAdjacentTranspositionAsOneEdit() {
    assertThat(Spelling.distance("revenue", "revenue")).isZero();
    assertThat(Spelling.distance("reveune", "revenue")).isEqualTo(1);
    assertThat(Spelling.distance("revnue", "revenue")).isEqualTo(1);
    assertThat(Spelling.distance("revneu", "revenue")).isEqualTo(2);
    assertThat(Spelling.distance("ca", "abc")).isEqualTo(3);
  }
}
