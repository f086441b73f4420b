package com.salestalk.chathandler.answering;

import com.salestalk.metricdata.cells.Breakdown;
import com.salestalk.metricdata.cells.CellStats;
import com.salestalk.metricdata.cells.DimensionFigures;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.Period;
import com.salestalk.metricdata.cells.PeriodFigures;
import com.salestalk.metricdata.cells.Summary;
import com.salestalk.metricdata.cells.TenantCoverage;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's cells in memory: per metric and month, the total of each value of one dimension
 * ({@code region}). Counts every summary read.
 */
final class FakeCells implements CellReader {

  static final String DIMENSION = "region";

  final String tenantId;
  final Map<String, TreeMap<YearMonth, Map<String, BigDecimal>>> metrics = new TreeMap<>();
  int summaryReads;

  FakeCells(String tenantId) {
    this.tenantId = tenantId;
  }

  FakeCells month(String metric, String month, Map<String, Integer> byRegion) {
    Map<String, BigDecimal> values = new TreeMap<>();
    byRegion.forEach((region, value) -> values.put(region, BigDecimal.valueOf(value)));
    return month(metric, YearMonth.parse(month), values);
  }

  FakeCells month(String metric, YearMonth month, Map<String, BigDecimal> byRegion) {
    metrics.computeIfAbsent(metric, m -> new TreeMap<>()).put(month, byRegion);
    return this;
  }

  @Override
  public Optional<TenantCoverage> coverage(String tenant) {
    if (!tenant.equals(tenantId)) {
      return Optional.empty();
    }
    List<MetricCoverage> coverage = new ArrayList<>();
    metrics.forEach(
        (metric, months) ->
            coverage.add(
                new MetricCoverage(metric, List.copyOf(months.keySet()), List.of(DIMENSION))));
    return Optional.of(new TenantCoverage(true, coverage));
  }

  @Override
  public Summary summary(String tenant, String metric, Period period, String dimension) {
    summaryReads++;
    Map<YearMonth, Map<String, BigDecimal>> months =
        tenant.equals(tenantId) ? metrics.getOrDefault(metric, new TreeMap<>()) : Map.of();
    List<YearMonth> withData = new ArrayList<>();
    CellStats total = null;
    Map<String, CellStats> byValue = new TreeMap<>();
    for (YearMonth month : period.months()) {
      Map<String, BigDecimal> values = months.get(month);
      if (values == null) {
        continue;
      }
      withData.add(month);
      for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
        CellStats cell = CellStats.of(value.getValue());
        total = total == null ? cell : total.plus(cell);
        byValue.merge(value.getKey(), cell, CellStats::plus);
      }
    }
    Breakdown breakdown = null;
    if (dimension != null) {
      List<DimensionFigures> values = new ArrayList<>();
      byValue.forEach((value, stats) -> values.add(new DimensionFigures(value, stats, null, null)));
      breakdown = new Breakdown(dimension, values, List.of());
    }
    return new Summary(
        metric, new PeriodFigures(period, withData, total), null, null, null, List.of(), breakdown);
  }
}
