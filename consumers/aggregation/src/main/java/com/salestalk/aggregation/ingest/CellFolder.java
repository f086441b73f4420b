package com.salestalk.aggregation.ingest;

import com.salestalk.eventaws.consume.UnprocessableEventException;
import com.salestalk.metricdata.cells.BreakdownCell;
import com.salestalk.metricdata.cells.CellStats;
import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.MonthBreakdown;
import com.salestalk.metricdata.cells.MonthTotal;
import com.salestalk.metricdata.cells.UploadStamp;
import com.salestalk.metricdata.rows.NormalizedRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds an upload's rows, one at a time, into its cells: per metric and month a total, and per
 * dimension column and value a cell. Memory grows with cells, never with rows; more than {@code
 * maxCells} cells, a date that is not {@code YYYY-MM[-DD]}, an empty metric or a number DynamoDB
 * cannot store make the upload unprocessable, naming the row.
 */
final class CellFolder {

  /** DynamoDB numbers lie within ±(10^126 - 1) and, apart from 0, at least 10^-130 in size. */
  private static final int MAX_EXPONENT = 125;

  private static final int MIN_EXPONENT = -130;

  private final int maxCells;
  private final Map<String, Map<String, MonthFold>> byMetric = new HashMap<>();
  private int cells;
  private String lastDate;
  private String lastMonth;

  CellFolder(int maxCells) {
    this.maxCells = maxCells;
  }

  /** Adds one row to its cells. */
  void add(NormalizedRow row) {
    String month = month(row);
    BigDecimal value = row.value();
    if (!storable(value)) {
      throw new UnprocessableEventException(
          "row " + row.row() + ": the value " + value + " is beyond what the cells can store");
    }
    Map<String, MonthFold> months = byMetric.get(row.metric());
    if (months == null) {
      if (row.metric().isEmpty()) {
        throw new UnprocessableEventException("row " + row.row() + " has an empty metric");
      }
      months = new HashMap<>();
      byMetric.put(row.metric(), months);
    }
    MonthFold fold = months.get(month);
    if (fold == null) {
      fold = new MonthFold(newCell(row));
      months.put(month, fold);
    }
    fold.total.add(value);
    for (Map.Entry<String, String> dimension : row.dimensions().entrySet()) {
      Map<String, Accumulator> values = fold.dimensions.get(dimension.getKey());
      if (values == null) {
        values = new HashMap<>();
        fold.dimensions.put(dimension.getKey(), values);
      }
      Accumulator cell = values.get(dimension.getValue());
      if (cell == null) {
        cell = newCell(row);
        values.put(dimension.getValue(), cell);
      }
      cell.add(value);
    }
  }

  /** Cells so far: month totals and dimension values. */
  int cellCount() {
    return cells;
  }

  /**
   * The cells as {@code upload} writes them, per metric and month.
   *
   * @throws UnprocessableEventException when a sum grew beyond what the cells can store
   */
  List<MonthCells> cells(UploadStamp upload) {
    List<MonthCells> result = new ArrayList<>();
    byMetric.forEach(
        (metric, months) ->
            months.forEach(
                (monthText, fold) -> {
                  YearMonth month = YearMonth.parse(monthText);
                  Map<String, Map<String, Accumulator>> dimensions = new TreeMap<>(fold.dimensions);
                  List<MonthBreakdown> pages = new ArrayList<>();
                  dimensions.forEach(
                      (dimension, values) -> {
                        List<BreakdownCell> sorted = new ArrayList<>(values.size());
                        new TreeMap<>(values)
                            .forEach(
                                (value, cell) ->
                                    sorted.add(
                                        new BreakdownCell(value, cell.stats(metric, month))));
                        pages.addAll(CellTable.pages(metric, month, dimension, sorted, upload));
                      });
                  MonthTotal total =
                      new MonthTotal(
                          metric,
                          month,
                          fold.total.stats(metric, month),
                          List.copyOf(dimensions.keySet()),
                          upload);
                  result.add(new MonthCells(total, pages));
                }));
    return result;
  }

  /** Per metric, the months and dimension columns the upload has. */
  List<Coverage> coverage() {
    List<Coverage> coverage = new ArrayList<>();
    byMetric.forEach(
        (metric, months) -> {
          Set<YearMonth> monthSet = new HashSet<>();
          Set<String> dimensions = new HashSet<>();
          months.forEach(
              (month, fold) -> {
                monthSet.add(YearMonth.parse(month));
                dimensions.addAll(fold.dimensions.keySet());
              });
          coverage.add(new Coverage(metric, monthSet, dimensions));
        });
    return coverage;
  }

  private Accumulator newCell(NormalizedRow row) {
    if (++cells > maxCells) {
      throw new UnprocessableEventException(
          "the upload makes more than "
              + maxCells
              + " cells (metric x month x dimension value) by row "
              + row.row()
              + " (salestalk.aggregation.max-cells)");
    }
    return new Accumulator();
  }

  /** {@code YYYY-MM} of the row's date, which must be {@code YYYY-MM-DD} or {@code YYYY-MM}. */
  private String month(NormalizedRow row) {
    String date = row.date();
    if (date.equals(lastDate)) {
      return lastMonth;
    }
    boolean form =
        (date.length() == 7 || (date.length() == 10 && date.charAt(7) == '-'))
            && date.charAt(4) == '-'
            && digits(date, 0, 4)
            && digits(date, 5, 7)
            && (date.length() == 7 || digits(date, 8, 10));
    int month = form ? Integer.parseInt(date, 5, 7, 10) : 0;
    if (month < 1 || month > 12) {
      throw new UnprocessableEventException(
          "row " + row.row() + ": the date '" + date + "' is not YYYY-MM-DD or YYYY-MM");
    }
    lastDate = date;
    lastMonth = date.substring(0, 7);
    return lastMonth;
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean storable(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    int exponent = value.precision() - value.scale() - 1;
    return exponent <= MAX_EXPONENT && exponent >= MIN_EXPONENT;
  }

  /** One metric's cells in one month. */
  private static final class MonthFold {
    final Accumulator total;
    final Map<String, Map<String, Accumulator>> dimensions = new HashMap<>();

    MonthFold(Accumulator total) {
      this.total = total;
    }
  }

  /** A cell being folded. */
  private static final class Accumulator {
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;
    private BigDecimal min;
    private BigDecimal max;

    void add(BigDecimal value) {
      sum = sum.add(value);
      if (count++ == 0) {
        min = value;
        max = value;
      } else {
        if (value.compareTo(min) < 0) {
          min = value;
        }
        if (value.compareTo(max) > 0) {
          max = value;
        }
      }
    }

    CellStats stats(String metric, YearMonth month) {
      if (!storable(sum)) {
        throw new UnprocessableEventException(
            "the sum of "
                + metric
                + " in "
                + month
                + " ("
                + sum.stripTrailingZeros()
                + ") is beyond what the cells can store");
      }
      return new CellStats(sum, count, min, max);
    }
  }
}
