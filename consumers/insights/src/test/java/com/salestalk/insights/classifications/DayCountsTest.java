package com.salestalk.insights.classifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.events.Intent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayCountsTest {

  static final LocalDate JAN_15 = LocalDate.of(2025, 1, 15);

  static DayCounts.IntentCounts intent(long count, String confidenceSum) {
    return new DayCounts.IntentCounts(count, new BigDecimal(confidenceSum));
  }

  @Test
  void averagesAndRatesHaveFourDecimalsRoundedHalfEven() {
    DayCounts day =
        new DayCounts(
            JAN_15,
            3,
            new BigDecimal("2.00"),
            1,
            Map.of(Intent.METRIC_LOOKUP, intent(2, "1.7"), Intent.UNKNOWN, intent(1, "0.3")));
    assertThat(day.averageConfidence()).isEqualTo(0.6667);
    assertThat(day.lowConfidenceRate()).isEqualTo(0.3333);
    assertThat(day.intents().get(Intent.METRIC_LOOKUP).averageConfidence()).isEqualTo(0.85);
    // 0.00005 exactly between two steps of the 4th decimal: half even goes to the even one
    assertThat(DayCounts.ratio(new BigDecimal("0.00125"), 10)).isEqualTo(0.0001);
    assertThat(DayCounts.ratio(new BigDecimal("0.00135"), 10)).isEqualTo(0.0001);
    assertThat(DayCounts.ratio(new BigDecimal("0.00155"), 10)).isEqualTo(0.0002);
  }

  @Test
  void nothingCountedHasNoAverageAndNoRate() {
    assertThat(DayCounts.NONE.averageConfidence()).isNull();
    assertThat(DayCounts.NONE.lowConfidenceRate()).isNull();
  }

  @Test
  void sumsDaysExactlyAndMergesTheirIntents() {
    DayCounts first =
        new DayCounts(
            JAN_15,
            2,
            new BigDecimal("1.1"),
            1,
            Map.of(Intent.METRIC_LOOKUP, intent(1, "0.9"), Intent.UNKNOWN, intent(1, "0.2")));
    DayCounts second =
        new DayCounts(
            JAN_15.plusDays(1),
            1,
            new BigDecimal("0.7"),
            0,
            Map.of(Intent.METRIC_LOOKUP, intent(1, "0.7")));
    DayCounts total = DayCounts.NONE.plus(first).plus(second);
    assertThat(total.day()).isNull();
    assertThat(total.classifications()).isEqualTo(3);
    assertThat(total.confidenceSum()).isEqualByComparingTo("1.8");
    assertThat(total.lowConfidence()).isEqualTo(1);
    assertThat(total.intents())
        .isEqualTo(
            Map.of(Intent.METRIC_LOOKUP, intent(2, "1.6"), Intent.UNKNOWN, intent(1, "0.2")));
    assertThat(total.averageConfidence()).isEqualTo(0.6);
    assertThat(total.lowConfidenceRate()).isEqualTo(0.3333);
  }

  @Test
  void anEventCountsOnTheUtcDayOfItsTimestamp() {
    assertThat(InsightsTable.dayOf(Instant.parse("2025-01-15T23:59:59.999Z"))).isEqualTo(JAN_15);
    assertThat(InsightsTable.dayOf(Instant.parse("2025-01-16T00:00:00Z")))
        .isEqualTo(JAN_15.plusDays(1));
    assertThat(InsightsTable.dayOf(Instant.parse("2025-01-15T00:00:00Z"))).isEqualTo(JAN_15);
  }
}
