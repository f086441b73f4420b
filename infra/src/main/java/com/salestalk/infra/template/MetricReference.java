package com.salestalk.infra.template;

import java.util.Map;
import java.util.TreeMap;

/**
 * A CloudWatch metric an alarm or a dashboard widget names.
 *
 * @param namespace e.g. {@code SalesTalk} or {@code AWS/SQS}
 * @param metricName the CloudWatch metric name
 * @param dimensions dimension names and values, sorted by name
 */
public record MetricReference(String namespace, String metricName, Map<String, String> dimensions) {

  /** Copies and sorts the dimensions. */
  public MetricReference {
    dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions));
  }

  @Override
  public String toString() {
    return namespace + " " + metricName + " " + dimensions;
  }
}
