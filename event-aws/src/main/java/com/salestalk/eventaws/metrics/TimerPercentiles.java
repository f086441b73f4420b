package com.salestalk.eventaws.metrics;

import com.salestalk.eventcontracts.metrics.MetricDefinition;

/** The percentiles every SalesTalk timer publishes, in the form Micrometer's builders take. */
public final class TimerPercentiles {

  private TimerPercentiles() {}

  /** {@link MetricDefinition#TIMER_PERCENTILES} as an array, e.g. {@code [0.95]}. */
  public static double[] values() {
    return MetricDefinition.TIMER_PERCENTILES.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
