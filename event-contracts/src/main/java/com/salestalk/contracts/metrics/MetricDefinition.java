package com.salestalk.contracts.metrics;

import java.util.List;

/**
 * One metric of the {@code SalesTalk} CloudWatch namespace.
 *
 * @param name the Micrometer meter name
 * @param kind counter, timer or gauge
 * @param tags the dimensions it carries; low cardinality only, never a tenant id
 * @param description what it counts or measures
 */
public record MetricDefinition(String name, Kind kind, List<String> tags, String description) {

  /** How the meter is recorded. */
  public enum Kind {
    /** A monotonically increasing count. */
    COUNTER,
    /** A latency distribution. */
    TIMER,
    /** A sampled value. */
    GAUGE
  }

  /** Copies the tag list. */
  public MetricDefinition {
    tags = List.copyOf(tags);
  }
}
