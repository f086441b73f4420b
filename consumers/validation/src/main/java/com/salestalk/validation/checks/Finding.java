package com.salestalk.validation.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One item of a check's details; each check fills the parts that locate what it found (absent parts
 * are left out of the JSON):
 *
 * <ul>
 *   <li>completeness: {@code field} (the dimension column; absent for rows rejected at upload),
 *       {@code count}, {@code rows} (the first 10), {@code reason};
 *   <li>uniqueness: {@code metric}, {@code date}, {@code dimensions}, {@code count} (occurrences),
 *       {@code rows} (the first 10);
 *   <li>gaps: {@code metric}, {@code dimensions}, {@code count} (missing periods), {@code periods}
 *       (the first 10 missing ranges, {@code first..last} or one period);
 *   <li>non-negative and outliers: {@code metric}, {@code date}, {@code dimensions}, {@code row},
 *       {@code value}, and for outliers {@code score} (the modified z-score);
 *   <li>freshness: {@code date} (the newest), {@code reason}.
 * </ul>
 *
 * @param metric the metric
 * @param date the date, as the rows have it
 * @param dimensions dimension column to cell
 * @param field a column
 * @param row the 1-based data row of the file
 * @param rows data rows
 * @param value the value
 * @param score the modified z-score, two decimals
 * @param count how many
 * @param periods missing periods
 * @param reason in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "metric",
  "date",
  "dimensions",
  "field",
  "row",
  "rows",
  "value",
  "score",
  "count",
  "periods",
  "reason"
})
public record Finding(
    String metric,
    String date,
    Map<String, String> dimensions,
    String field,
    Long row,
    List<Long> rows,
    BigDecimal value,
    BigDecimal score,
    Long count,
    List<String> periods,
    String reason) {

  /**
   * Cells missing from rows: rows rejected at upload ({@code field} null) or the empty cells of a
   * dimension column.
   */
  static Finding cells(String field, long count, List<Long> rows, String reason) {
    return new Finding(null, null, null, field, null, rows, null, null, count, null, reason);
  }

  /** A key of a series: occurring {@code count} times in {@code rows}, or missing periods. */
  static Finding series(
      Series series, String date, long count, List<Long> rows, List<String> periods) {
    return new Finding(
        series.metric(),
        date,
        series.dimensions(),
        null,
        null,
        rows,
        null,
        null,
        count,
        periods,
        null);
  }

  /** A value of one row: negative, or an outlier with its modified z-score. */
  static Finding value(
      String metric,
      String date,
      Map<String, String> dimensions,
      long row,
      BigDecimal value,
      BigDecimal score) {
    return new Finding(metric, date, dimensions, null, row, null, value, score, null, null, null);
  }

  /** The newest date, too old. */
  static Finding stale(String date, String reason) {
    return new Finding(null, date, null, null, null, null, null, null, null, null, reason);
  }
}
