package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Derives a {@link Summary} from month cells: pure, so the period math is tested without AWS. */
final class Summaries {

  private Summaries() {}

  /**
   * @param metric the metric
   * @param period the period asked for
   * @param totals the month totals by month (at least those of the period and the previous one)
   * @param dimension the dimension to break down by, or {@code null}
   * @param breakdowns the cells of {@code dimension} by month, only those of the upload that owns
   *     the month's total
   */
  static Summary derive(
      String metric,
      Period period,
      Map<YearMonth, MonthTotal> totals,
      String dimension,
      Map<YearMonth, List<BreakdownCell>> breakdowns) {
    PeriodFigures current = figures(period, totals);
    PeriodFigures previous = figures(period.previous(), totals);
    Instant dataAsOf = null;
    List<String> uploadIds = new ArrayList<>();
    for (YearMonth month : current.monthsWithData()) {
      UploadStamp upload = totals.get(month).upload();
      if (dataAsOf == null || upload.uploadedAt().isAfter(dataAsOf)) {
        dataAsOf = upload.uploadedAt();
      }
      uploadIds.add(upload.uploadId());
    }
    return new Summary(
        metric,
        current,
        previous.hasData() ? previous : null,
        growth(current.total(), previous.total()),
        dataAsOf,
        uploadIds.stream().distinct().sorted().toList(),
        dimension == null ? null : breakdown(period, totals, dimension, breakdowns));
  }

  /** {@code (current - previous) / |previous|}; {@code null} if either is or previous is zero. */
  static BigDecimal growth(BigDecimal current, BigDecimal previous) {
    if (current == null || previous == null || previous.signum() == 0) {
      return null;
    }
    return current.subtract(previous).divide(previous.abs(), CellStats.DERIVED);
  }

  private static PeriodFigures figures(Period period, Map<YearMonth, MonthTotal> totals) {
    List<YearMonth> withData = new ArrayList<>();
    CellStats stats = null;
    for (YearMonth month : period.months()) {
      MonthTotal total = totals.get(month);
      if (total != null) {
        withData.add(month);
        stats = stats == null ? total.stats() : stats.plus(total.stats());
      }
    }
    return new PeriodFigures(period, withData, stats);
  }

  private static Breakdown breakdown(
      Period period,
      Map<YearMonth, MonthTotal> totals,
      String dimension,
      Map<YearMonth, List<BreakdownCell>> breakdowns) {
    Map<String, CellStats> current = byValue(period, breakdowns);
    Map<String, CellStats> previous = byValue(period.previous(), breakdowns);
    List<DimensionFigures> values = new ArrayList<>();
    current.forEach(
        (value, stats) -> {
          CellStats before = previous.get(value);
          BigDecimal previousTotal = before == null ? null : before.sum();
          values.add(
              new DimensionFigures(
                  value, stats, previousTotal, growth(stats.sum(), previousTotal)));
        });
    List<YearMonth> without = new ArrayList<>();
    for (YearMonth month : period.months()) {
      MonthTotal total = totals.get(month);
      if (total != null && !total.dimensions().contains(dimension)) {
        without.add(month);
      }
    }
    return new Breakdown(dimension, values, without);
  }

  private static Map<String, CellStats> byValue(
      Period period, Map<YearMonth, List<BreakdownCell>> breakdowns) {
    Map<String, CellStats> byValue = new TreeMap<>();
    for (YearMonth month : period.months()) {
      for (BreakdownCell cell : breakdowns.getOrDefault(month, List.of())) {
        byValue.merge(cell.value(), cell.stats(), CellStats::plus);
      }
    }
    return byValue;
  }
}
