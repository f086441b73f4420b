package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What one metric of a tenant has data for.
 *
 * @param metric the metric
 * @param months the months with data, ascending
 * @param dimensions the dimension columns its uploads had, sorted
 */
public record MetricCoverage(String metric, List<YearMonth> months, List<String> dimensions) {

  /** Requires every part. */
  public MetricCoverage {
    Objects.requireNonNull(metric, "metric");
    months = List.copyOf(months);
    dimensions = List.copyOf(dimensions);
  }

  /** The quarters with data in at least one month, e.g. {@code 2025-Q3}, ascending. */
  public List<String> quarters() {
    return months.stream().map(Period::quarterLabel).distinct().toList();
  }

  /** The years with data in at least one month, ascending. */
  public List<Integer> years() {
    return months.stream().map(YearMonth::getYear).distinct().toList();
  }
}
