package com.salestalk.aggregation.ingest;

import com.salestalk.aggregation.AggregationProperties;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.metricdata.cells.CellTable;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.S3Client;

/** The consumer's handlers and what they use. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  /**
   * {@code metrics.ingested.v1}: the upload's cells, written by the aggregator itself (far more
   * than the 99 items of one transaction) and idempotent by construction. {@code
   * tenant.provisioned.v1}: the tenant's marker, with the event's done record in one transaction.
   */
  @Bean
  EventHandlers aggregationHandlers(UploadAggregator aggregator, CellTable table) {
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

  @Bean
  UploadAggregator uploadAggregator(
      S3Client s3,
      DynamoDbClient dynamoDb,
      CellTable table,
      ExecutorService cellWriters,
      AggregationProperties properties) {
    return new UploadAggregator(
        s3, properties.bucket(), dynamoDb, table, properties.maxCells(), cellWriters);
  }

  /** Writes months of an upload at the same time. */
  @Bean(destroyMethod = "shutdown")
  ExecutorService cellWriters(AggregationProperties properties) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        properties.writeConcurrency(),
        runnable -> {
          Thread thread = new Thread(runnable, "cell-writer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The S3 client, configured like event-aws's clients (endpoint, region, credentials). */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  S3Client s3Client(
      ObjectProvider<AwsClientBuilderConfigurer> configurer, AggregationProperties properties) {
    var builder = S3Client.builder().forcePathStyle(properties.pathStyleAccess());
    AwsClientBuilderConfigurer shared = configurer.getIfAvailable();
    return (shared == null ? builder : shared.configure(builder)).build();
  }
}
