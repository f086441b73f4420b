package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A period's figures by the values of one dimension.
 *
 * @param dimension the dimension column, e.g. {@code region}
 * @param values one entry per value with rows in the period, sorted by value
 * @param monthsWithout months of the period with data but without this dimension (their upload had
 *     no such column): their rows are in the period's total and in no value here
 */
public record Breakdown(
    String dimension, List<DimensionFigures> values, List<YearMonth> monthsWithout) {

  /** Requires the dimension. */
  public Breakdown {
    Objects.requireNonNull(dimension, "dimension");
    values = List.copyOf(values);
    monthsWithout = List.copyOf(monthsWithout);
  }
}
