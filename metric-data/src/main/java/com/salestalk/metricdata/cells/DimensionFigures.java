package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One dimension value's figures over a period.
 *
 * @param value the dimension value
 * @param stats its total, count, min and max over the period's months
 * @param previousTotal its total over the previous period, or {@code null} when it had no rows
 *     there
 * @param growth {@code (total - previousTotal) / |previousTotal|}, or {@code null} when there is no
 *     previous total or it is zero
 */
public record DimensionFigures(
    String value, CellStats stats, BigDecimal previousTotal, BigDecimal growth) {

  /** Requires the value and its stats. */
  public DimensionFigures {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(stats, "stats");
  }
}
