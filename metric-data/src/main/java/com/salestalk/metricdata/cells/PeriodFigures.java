package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The figures of a period, summed from its month cells.
 *
 * @param period the period
 * @param monthsWithData its months that have data, ascending (a partial period has fewer than its
 *     months)
 * @param stats sum (the total), count, min and max over those months; {@code null} when none has
 *     data
 */
public record PeriodFigures(Period period, List<YearMonth> monthsWithData, CellStats stats) {

  /** Requires the period; stats exactly when there are months with data. */
  public PeriodFigures {
    Objects.requireNonNull(period, "period");
    monthsWithData = List.copyOf(monthsWithData);
    if (monthsWithData.isEmpty() != (stats == null)) {
      throw new IllegalArgumentException("stats are there exactly when months have data");
    }
  }

  /** Whether any month of the period has data. */
  public boolean hasData() {
    return stats != null;
  }

  /** The total, or {@code null} without data. */
  public BigDecimal total() {
    return stats == null ? null : stats.sum();
  }

  /** The mean value per row, or {@code null} without data. */
  public BigDecimal average() {
    return stats == null ? null : stats.average();
  }

  /** The total per month with data, or {@code null} without data. */
  public BigDecimal monthlyAverage() {
    return stats == null
        ? null
        : stats.sum().divide(BigDecimal.valueOf(monthsWithData.size()), CellStats.DERIVED);
  }
}
