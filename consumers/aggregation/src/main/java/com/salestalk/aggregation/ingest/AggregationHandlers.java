package com.salestalk.aggregation.ingest;

import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.metricdata.cells.CellTable;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** aggregation's handlers, for the service and for drivers that run them without Spring. */
public final class AggregationHandlers {

  private AggregationHandlers() {}

  /**
   * {@code metrics.ingested.v1}: the upload's cells, written by the aggregator itself (far more
   * than the 99 items of one transaction) and idempotent by construction. {@code
   * tenant.provisioned.v1}: the tenant's marker, with the event's done record in one transaction.
   *
   * @param aggregator aggregates uploads
   * @param table the cells table
   * @return the handlers
   */
  public static EventHandlers of(UploadAggregator aggregator, CellTable table) {
    return EventHandlers.builder()
        .on(
            MetricsIngested.class,
            (event, upload) -> aggregator.aggregate(event.tenantId().value(), upload))
        .onTransactional(
            TenantProvisioned.class,
            (event, tenant, effects) ->
                effects.add(
                    TransactWriteItem.builder()
                        .put(table.provisioned(event.tenantId().value(), event.timestamp()))
                        .build()))
        .build();
  }
}
