package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a tenant's cells: what it has data for, and a metric's figures over a period (total, count,
 * min, max, averages, the previous period and growth, optionally by the values of one dimension),
 * derived from the month cells. Used by aggregation's API and by chat-handler. Every read is scoped
 * to the tenant it is given: pass only an authenticated tenant.
 */
public final class MetricCells {

  private final DynamoDbClient dynamo;
  private final CellTable table;

  /**
   * @param dynamo the DynamoDB client
   * @param table the cells table
   */
  public MetricCells(DynamoDbClient dynamo, CellTable table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * What the tenant has data for.
   *
   * @return empty when aggregation knows nothing of the tenant: neither its provisioning nor any
   *     upload
   */
  public Optional<TenantCoverage> coverage(String tenantId) {
    boolean provisioned = false;
    List<MetricCoverage> metrics = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamo.queryPaginator(table.tenantItems(tenantId)).items()) {
      if (CellTable.isTenantMarker(item)) {
        provisioned = true;
      } else {
        metrics.add(CellTable.coverage(item));
      }
    }
    if (!provisioned && metrics.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TenantCoverage(provisioned, metrics));
  }

  /** What one metric of the tenant has data for; empty when the tenant has no such metric. */
  public Optional<MetricCoverage> metric(String tenantId, String metric) {
    Map<String, AttributeValue> item = dynamo.getItem(table.metricItem(tenantId, metric)).item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(CellTable.coverage(item));
  }

  /**
   * A metric's figures over a period and the previous one.
   *
   * @param tenantId the tenant
   * @param metric the metric
   * @param period the period
   * @param dimension the dimension column to break the figures down by, or {@code null}
   * @return the summary; without data in the period its figures are empty
   */
  public Summary summary(String tenantId, String metric, Period period, String dimension) {
    YearMonth from = period.previous().first();
    YearMonth to = period.last();
    Map<YearMonth, MonthTotal> totals = new HashMap<>();
    for (Map<String, AttributeValue> item :
        dynamo.queryPaginator(table.totals(tenantId, metric, from, to)).items()) {
      MonthTotal total = CellTable.total(item);
      totals.put(total.month(), total);
    }
    Map<YearMonth, List<BreakdownCell>> breakdowns = new HashMap<>();
    if (dimension != null) {
      for (Map<String, AttributeValue> item :
          dynamo.queryPaginator(table.breakdowns(tenantId, metric, dimension, from, to)).items()) {
        MonthBreakdown page = CellTable.breakdown(item);
        MonthTotal owner = totals.get(page.month());
        // a page of an older upload than the month's total is superseded: the newest upload of
        // the month did not have this page (or not this dimension)
        if (owner != null && owner.upload().equals(page.upload())) {
          breakdowns.computeIfAbsent(page.month(), m -> new ArrayList<>()).addAll(page.cells());
        }
      }
    }
    return Summaries.derive(metric, period, totals, dimension, breakdowns);
  }
}
