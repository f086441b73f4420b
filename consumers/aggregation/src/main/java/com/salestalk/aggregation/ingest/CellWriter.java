package com.salestalk.aggregation.ingest;

import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.MonthBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes an upload's cells: each month's breakdown pages and then its total, each with one
 * conditional PutItem that only an older upload's item (or none) lets through, months at the same
 * time on {@code writers}; then the metrics' coverage. A refused condition means a newer upload (or
 * this one, before) set the item: nothing to do. Any other error fails the write; writing again is
 * harmless.
 */
final class CellWriter {

  private final DynamoDbClient dynamo;
  private final CellTable table;
  private final Executor writers;

  CellWriter(DynamoDbClient dynamo, CellTable table, Executor writers) {
    this.dynamo = dynamo;
    this.table = table;
    this.writers = writers;
  }

  /**
   * What a write did.
   *
   * @param items items put or refused (month totals and breakdown pages)
   * @param written items put
   * @param skipped items refused because this or a newer upload had set them
   */
  record Written(int items, int written, int skipped) {}

  Written write(String tenantId, List<MonthCells> months, List<Coverage> coverage) {
    AtomicInteger written = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    List<CompletableFuture<Void>> writes = new ArrayList<>(months.size());
    for (MonthCells month : months) {
      writes.add(
          CompletableFuture.runAsync(
              () -> {
                // pages first: once a month's total is this upload's, so is its breakdown
                for (MonthBreakdown page : month.pages()) {
                  put(table.put(tenantId, page), written, skipped);
                }
                put(table.put(tenantId, month.total()), written, skipped);
              },
              writers));
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    // after the cells: a metric is listed once its cells are there
    for (Coverage metric : coverage) {
      dynamo.updateItem(
          table.addCoverage(
              tenantId,
              metric.metric(),
              metric.months().stream().sorted().toList(),
              metric.dimensions().stream().sorted().toList()));
    }
    return new Written(written.get() + skipped.get(), written.get(), skipped.get());
  }

  private void put(PutItemRequest request, AtomicInteger written, AtomicInteger skipped) {
    try {
      dynamo.putItem(request);
      written.incrementAndGet();
    } catch (ConditionalCheckFailedException e) {
      skipped.incrementAndGet();
    }
  }
}
