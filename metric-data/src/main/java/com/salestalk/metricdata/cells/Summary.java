package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A metric over a period, derived from its month cells.
 *
 * @param metric the metric
 * @param current the period's figures
 * @param previous the previous period's figures ({@link Period#previous()}), or {@code null} when
 *     it has no data
 * @param growth {@code (total - previous total) / |previous total|} to 16 significant digits (0.125
 *     is +12.5 %), or {@code null} when either period has no data or the previous total is zero
 * @param dataAsOf when the newest upload behind the period's figures was made, or {@code null}
 *     without data
 * @param uploadIds the uploads behind the period's figures, sorted
 * @param breakdown the figures by one dimension's values, or {@code null} when none was asked for
 */
public record Summary(
    String metric,
    PeriodFigures current,
    PeriodFigures previous,
    BigDecimal growth,
    Instant dataAsOf,
    List<String> uploadIds,
    Breakdown breakdown) {

  /** Requires the metric and the period's figures. */
  public Summary {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(current, "current");
    uploadIds = List.copyOf(uploadIds);
  }

  /** The period. */
  public Period period() {
    return current.period();
  }
}
