package com.salestalk.chathandler.answering;

import com.salestalk.metricdata.cells.MetricCells;
import com.salestalk.metricdata.cells.Period;
import com.salestalk.metricdata.cells.Summary;
import com.salestalk.metricdata.cells.TenantCoverage;
import java.util.Optional;

/**
 * The tenant's cells as answers read them: {@link MetricCells} in the app, a map in unit tests.
 * Every read is scoped to the tenant it is given: pass only an authenticated tenant.
 */
public interface CellReader {

  /** What the tenant has data for; empty when aggregation knows nothing of it. */
  Optional<TenantCoverage> coverage(String tenantId);

  /** A metric's figures over a period, by {@code dimension}'s values unless it is null. */
  Summary summary(String tenantId, String metric, Period period, String dimension);

  /** Reads through aggregation's shared reader. */
  static CellReader of(MetricCells cells) {
    return new CellReader() {
      @Override
      public Optional<TenantCoverage> coverage(String tenantId) {
        return cells.coverage(tenantId);
      }

      @Override
      public Summary summary(String tenantId, String metric, Period period, String dimension) {
        return cells.summary(tenantId, metric, period, dimension);
      }
    };
  }
}
