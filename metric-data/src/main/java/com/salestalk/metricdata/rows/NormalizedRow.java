package com.salestalk.metricdata.rows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * An accepted row of an upload, normalized.
 *
 * @param row its 1-based number among the file's data rows
 * @param date {@code YYYY-MM-DD} or {@code YYYY-MM}
 * @param metric the metric name, as it came
 * @param value the value
 * @param dimensions dimension column to cell, as they came, in header order
 */
public record NormalizedRow(
    long row, String date, String metric, BigDecimal value, Map<String, String> dimensions) {

  /** Requires every part; the dimensions may be empty. */
  public NormalizedRow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(dimensions, "dimensions");
  }
}
