package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The all-dimensions cell of one metric in one month: every row of the metric in that month of the
 * upload that owns the month (the newest upload with rows of the metric in it).
 *
 * @param metric the metric
 * @param month the month
 * @param stats the figures of its rows
 * @param dimensions the dimension columns the owning upload had, sorted: the breakdowns this month
 *     has
 * @param upload the upload that set it
 */
public record MonthTotal(
    String metric, YearMonth month, CellStats stats, List<String> dimensions, UploadStamp upload) {

  /** Requires every part. */
  public MonthTotal {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(upload, "upload");
    dimensions = List.copyOf(dimensions);
  }
}
