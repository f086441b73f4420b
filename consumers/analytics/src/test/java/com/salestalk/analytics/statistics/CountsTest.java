package com.salestalk.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.servicekit.query.DateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The arithmetic of the analytics view: ratios, averages, distributions, sums over days. */
class CountsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final DateRange JANUARY =
      new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));

  static NarrativeCounts narratives(long n, long grounded, long length, long... latencies) {
    Histogram histogram = Histogram.empty();
    long sum = 0;
    for (long ms : latencies) {
      histogram.add(Histogram.bucketOf(ms), 1);
      sum += ms;
    }
    return new NarrativeCounts(n, grounded, length, sum, histogram);
  }

  @Test
  void ratiosAndAveragesAreRoundedHalfEvenAndNullForNothing() {
    assertThat(Ratios.of(2, 3, Ratios.SHARE)).isEqualTo(0.6667);
    assertThat(Ratios.of(1, 8, Ratios.AVERAGE)).isEqualTo(0.12); // 0.125 → even
    assertThat(Ratios.of(3, 8, Ratios.AVERAGE)).isEqualTo(0.38); // 0.375 → even
    assertThat(Ratios.of(0, 0, Ratios.SHARE)).isNull();
  }

  @Test
  void narrativesSumOverDaysAndIntents() {
    NarrativeCounts sum =
        narratives(2, 1, 300, 100, 200)
            .plus(narratives(1, 1, 100, 5000))
            .plus(NarrativeCounts.none());
    assertThat(sum.narratives()).isEqualTo(3);
    assertThat(sum.groundedRatio()).isEqualTo(0.6667);
    assertThat(sum.averageLength()).isEqualTo(133.33);
    assertThat(sum.latencySumMs()).isEqualTo(5300);
    assertThat(sum.latency().count()).isEqualTo(3);
  }

  @Test
  void conversationsSumTheirReasonsAndRatings() {
    ConversationCounts monday =
        new ConversationCounts(
            2,
            90_000,
            Histogram.empty().add(Histogram.bucketOf(30_000), 1).add(Histogram.bucketOf(60_000), 1),
            7,
            Map.of(CompletionReason.USER_ENDED, 2L),
            Map.of(5, 1L));
    ConversationCounts tuesday =
        new ConversationCounts(
            1,
            600_000,
            Histogram.empty().add(Histogram.bucketOf(600_000), 1),
            1,
            Map.of(CompletionReason.IDLE_TIMEOUT, 1L),
            Map.of(2, 1L, 5, 0L));
    ConversationCounts both = monday.plus(tuesday);
    assertThat(both.conversations()).isEqualTo(3);
    assertThat(both.reasons())
        .isEqualTo(Map.of(CompletionReason.USER_ENDED, 2L, CompletionReason.IDLE_TIMEOUT, 1L));
    assertThat(both.ratings()).isEqualTo(Map.of(5, 1L, 2, 1L));
    assertThat(both.rated()).isEqualTo(2);
    assertThat(both.averageRating()).isEqualTo(3.5);
    assertThat(ConversationCounts.none().averageRating()).isNull();
  }

  @Test
  void theViewListsIntentsInSchemaOrderEveryReasonAndEveryRating() {
    AnalyticsView view =
        AnalyticsView.of(
            JANUARY,
            Map.of(
                Intent.UNKNOWN, narratives(1, 0, 10, 40),
                Intent.METRIC_LOOKUP, narratives(3, 3, 290, 100, 100, 5000)),
            new ConversationCounts(
                2,
                90_000,
                Histogram.empty()
                    .add(Histogram.bucketOf(30_000), 1)
                    .add(Histogram.bucketOf(60_000), 1),
                7,
                Map.of(CompletionReason.USER_ENDED, 2L),
                Map.of(4, 1L)));
    assertThat(JSON.readTree(JSON.writeValueAsString(view)))
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-01-01", "to": "2025-01-31",
                 "narratives": {"count": 4, "groundedRatio": 0.75, "averageLength": 75.0,
                   "latencyMs": {"average": 1310.0, "p50": 114, "p90": 5120, "p95": 5120,
                     "p99": 5120},
                   "byIntent": {
                     "metric_lookup": {"count": 3, "groundedRatio": 1.0, "averageLength": 96.67,
                       "latencyMs": {"average": 1733.33, "p50": 114, "p90": 5120, "p95": 5120,
                         "p99": 5120}},
                     "unknown": {"count": 1, "groundedRatio": 0.0, "averageLength": 10.0,
                       "latencyMs": {"average": 40.0, "p50": 40, "p90": 40, "p95": 40,
                         "p99": 40}}}},
                 "conversations": {"count": 2,
                   "durationMs": {"average": 45000.0, "p50": 34444, "p90": 68887, "p95": 68887,
                     "p99": 68887},
                   "messages": {"total": 7, "average": 3.5},
                   "completionReasons": {"user_ended": 2, "idle_timeout": 0},
                   "feedback": {"count": 1, "rate": 0.5, "averageRating": 4.0,
                     "distribution": {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0}}}}
                """));
  }

  @Test
  void nothingInTheRangeIsZerosAndNulls() {
    AnalyticsView view = AnalyticsView.of(JANUARY, Map.of(), ConversationCounts.none());
    assertThat(JSON.readTree(JSON.writeValueAsString(view)))
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-01-01", "to": "2025-01-31",
                 "narratives": {"count": 0, "groundedRatio": null, "averageLength": null,
                   "latencyMs": {"average": null, "p50": null, "p90": null, "p95": null,
                     "p99": null},
                   "byIntent": {}},
                 "conversations": {"count": 0,
                   "durationMs": {"average": null, "p50": null, "p90": null, "p95": null,
                     "p99": null},
                   "messages": {"total": 0, "average": null},
                   "completionReasons": {"user_ended": 0, "idle_timeout": 0},
                   "feedback": {"count": 0, "rate": null, "averageRating": null,
                     "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}}}}
                """));
  }

  @Test
  void anEventCountsOnTheUtcDayOfItsTimestamp() {
    assertThat(AnalyticsTable.dayOf(Instant.parse("2025-01-31T23:59:59.999Z")))
        .isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(AnalyticsTable.dayOf(Instant.parse("2025-02-01T00:00:00Z")))
        .isEqualTo(LocalDate.of(2025, 2, 1));
  }
}
