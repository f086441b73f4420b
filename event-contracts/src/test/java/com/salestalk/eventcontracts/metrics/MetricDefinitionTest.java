package com.salestalk.eventcontracts.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDefinitionTest {

  @Test
  void aCounterIsExportedAsNameDotCount() {
    assertThat(SalesTalkMetrics.PUBLISHED.cloudWatchMetrics())
        .containsExactly(
            new CloudWatchMetric(
                "salestalk.publish.published.count", List.of("eventType", "source"), false));
  }

  @Test
  void aGaugeIsExportedAsNameDotValue() {
    assertThat(SalesTalkMetrics.DLQ_DEPTH.cloudWatchMetrics())
        .containsExactly(
            new CloudWatchMetric("salestalk.queue.dlq.depth.value", List.of("queue"), false));
  }

  @Test
  void aTimerIsExportedAsCountSumAvgMaxAndItsP95() {
    assertThat(SalesTalkMetrics.PROCESSING_LATENCY.cloudWatchMetrics())
        .containsExactly(
            new CloudWatchMetric(
                "salestalk.consume.latency.count", List.of("consumer", "eventType"), false),
            new CloudWatchMetric(
                "salestalk.consume.latency.sum", List.of("consumer", "eventType"), false),
            new CloudWatchMetric(
                "salestalk.consume.latency.avg", List.of("consumer", "eventType"), true),
            new CloudWatchMetric(
                "salestalk.consume.latency.max", List.of("consumer", "eventType"), true),
            new CloudWatchMetric(
                "salestalk.consume.latency.percentile.value",
                List.of("consumer", "eventType", "phi"),
                false));
  }

  @Test
  void aSummaryIsExportedAsCountSumAvgAndMax() {
    assertThat(SalesTalkMetrics.QUALITY_SCORE.cloudWatchMetrics())
        .containsExactly(
            new CloudWatchMetric("salestalk.validation.score.count", List.of("check"), false),
            new CloudWatchMetric("salestalk.validation.score.sum", List.of("check"), false),
            new CloudWatchMetric("salestalk.validation.score.avg", List.of("check"), true),
            new CloudWatchMetric("salestalk.validation.score.max", List.of("check"), true));
  }

  @Test
  void theNamespaceHoldsTwentySixMetrics() {
    // 9 counters and 3 gauges, one metric each; 2 timers, five each; 1 summary, four
    assertThat(SalesTalkMetrics.cloudWatchMetrics()).hasSize(9 + 3 + 2 * 5 + 4);
    assertThat(SalesTalkMetrics.cloudWatchMetrics())
        .extracting(CloudWatchMetric::metricName)
        .doesNotHaveDuplicates();
  }
}
