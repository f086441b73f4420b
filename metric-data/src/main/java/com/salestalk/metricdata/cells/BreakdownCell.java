package com.salestalk.metricdata.cells;

import java.util.Objects;

/**
 * The cell of one dimension value (e.g. region {@code EU}) of a metric in a month.
 *
 * @param value the dimension value, as it came (may be empty)
 * @param stats the figures of the rows with that value
 */
public record BreakdownCell(String value, CellStats stats) {

  /** Requires both parts. */
  public BreakdownCell {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(stats, "stats");
  }
}
