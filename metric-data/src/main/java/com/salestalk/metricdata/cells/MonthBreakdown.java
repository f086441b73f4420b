package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The cells of one dimension of a metric in a month, as one upload set them: one {@link
 * BreakdownCell} per value. A dimension with many values is stored as several pages (items), each
 * written with the same last-upload-wins condition.
 *
 * @param metric the metric
 * @param month the month
 * @param dimension the dimension column, e.g. {@code region}
 * @param page which page of the dimension's cells this is, from 0
 * @param cells its cells, sorted by value
 * @param upload the upload that set them
 */
public record MonthBreakdown(
    String metric,
    YearMonth month,
    String dimension,
    int page,
    List<BreakdownCell> cells,
    UploadStamp upload) {

  /** Requires every part. */
  public MonthBreakdown {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(upload, "upload");
    if (page < 0 || page > CellTable.MAX_PAGE) {
      throw new IllegalArgumentException("page must be 0 to " + CellTable.MAX_PAGE + ": " + page);
    }
    cells = List.copyOf(cells);
  }
}
