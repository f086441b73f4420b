package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Sum, count, minimum and maximum of the values of some rows.
 *
 * @param sum the sum of the values
 * @param count how many rows (at least one)
 * @param min the smallest value
 * @param max the largest value
 */
public record CellStats(BigDecimal sum, long count, BigDecimal min, BigDecimal max) {

  /** Precision of derived figures (averages, growth): 16 significant digits. */
  public static final MathContext DERIVED = MathContext.DECIMAL64;

  /** Requires every part and at least one row. */
  public CellStats {
    Objects.requireNonNull(sum, "sum");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (count < 1) {
      throw new IllegalArgumentException("a cell holds at least one row, not " + count);
    }
  }

  /** The figures of one row. */
  public static CellStats of(BigDecimal value) {
    return new CellStats(value, 1, value, value);
  }

  /** The figures of this cell's rows and {@code other}'s together. */
  public CellStats plus(CellStats other) {
    return new CellStats(
        sum.add(other.sum), count + other.count, min.min(other.min), max.max(other.max));
  }

  /** The mean value of a row, to {@link #DERIVED} precision. */
  public BigDecimal average() {
    return sum.divide(BigDecimal.valueOf(count), DERIVED);
  }
}
