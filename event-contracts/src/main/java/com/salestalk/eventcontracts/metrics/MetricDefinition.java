package com.salestalk.eventcontracts.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * One metric of the {@code SalesTalk} CloudWatch namespace.
 *
 * @param name the Micrometer meter name
 * @param kind counter, timer, gauge or distribution summary
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
    GAUGE,
    /** A distribution of recorded amounts (no percentiles). */
    SUMMARY
  }

  /**
   * Percentiles every {@link Kind#TIMER} publishes (computed client-side, one gauge per value); the
   * SalesTalk apps build their timers with exactly these.
   */
  public static final List<Double> TIMER_PERCENTILES = List.of(0.95);

  /** Dimension micrometer adds to a timer's percentile gauge, e.g. {@code phi=0.95}. */
  public static final String PERCENTILE_DIMENSION = "phi";

  /** Copies the tag list. */
  public MetricDefinition {
    tags = List.copyOf(tags);
  }

  /**
   * The CloudWatch metrics this definition produces through micrometer-registry-cloudwatch2
   * (checked by reading them back from CloudWatch in event-aws's {@code CloudWatchReadBackIT}):
   *
   * <ul>
   *   <li>counter: {@code <name>.count};
   *   <li>gauge: {@code <name>.value};
   *   <li>timer: {@code <name>.count} and {@code <name>.sum} (milliseconds) every step, {@code
   *       <name>.avg} and {@code <name>.max} (milliseconds) in steps with a recording, and {@code
   *       <name>.percentile.value} with the extra dimension {@code phi} (e.g. {@code 0.95}) for
   *       each of {@link #TIMER_PERCENTILES};
   *   <li>summary: {@code <name>.count} and {@code <name>.sum} every step, {@code <name>.avg} and
   *       {@code <name>.max} in steps with a recording.
   * </ul>
   *
   * Alarms and dashboards must name exactly these, with every dimension of the list.
   */
  public List<CloudWatchMetric> cloudWatchMetrics() {
    return switch (kind) {
      case COUNTER -> List.of(new CloudWatchMetric(name + ".count", tags, false));
      case GAUGE -> List.of(new CloudWatchMetric(name + ".value", tags, false));
      case SUMMARY ->
          List.of(
              new CloudWatchMetric(name + ".count", tags, false),
              new CloudWatchMetric(name + ".sum", tags, false),
              new CloudWatchMetric(name + ".avg", tags, true),
              new CloudWatchMetric(name + ".max", tags, true));
      case TIMER -> {
        List<String> percentileDimensions = new ArrayList<>(tags);
        percentileDimensions.add(PERCENTILE_DIMENSION);
        yield List.of(
            new CloudWatchMetric(name + ".count", tags, false),
            new CloudWatchMetric(name + ".sum", tags, false),
            new CloudWatchMetric(name + ".avg", tags, true),
            new CloudWatchMetric(name + ".max", tags, true),
            new CloudWatchMetric(name + ".percentile.value", percentileDimensions, false));
      }
    };
  }
}
