package com.salestalk.metricdata.cells;

import java.util.List;

/**
 * What a tenant has data for.
 *
 * @param provisioned whether aggregation has seen the tenant's {@code tenant.provisioned.v1}
 * @param metrics its metrics, sorted by name; empty: no data yet
 */
public record TenantCoverage(boolean provisioned, List<MetricCoverage> metrics) {

  /** Copies the list. */
  public TenantCoverage {
    metrics = List.copyOf(metrics);
  }

  /** Whether any upload of the tenant has been aggregated. */
  public boolean hasData() {
    return !metrics.isEmpty();
  }
}
