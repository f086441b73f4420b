package com.salestalk.eventcontracts.metrics;

import java.util.List;

/**
 * One CloudWatch metric (name and dimension names) that a {@link MetricDefinition} produces in the
 * {@code SalesTalk} namespace when exported through micrometer-registry-cloudwatch2.
 *
 * @param metricName the CloudWatch metric name, e.g. {@code salestalk.publish.published.count}
 * @param dimensions the dimension names it carries, in the definition's tag order
 * @param whenRecorded {@code true} if CloudWatch only receives it in a step in which at least one
 *     value was recorded (a timer's {@code avg} and {@code max}); {@code false} if it is sent every
 *     step, zeros included
 */
public record CloudWatchMetric(String metricName, List<String> dimensions, boolean whenRecorded) {

  /** Copies the dimension list. */
  public CloudWatchMetric {
    dimensions = List.copyOf(dimensions);
  }
}
