package com.salestalk.aggregation.ingest;

import com.salestalk.aggregation.AggregationProperties;
import com.salestalk.eventaws.consume.EventHandlers;
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
import software.amazon.awssdk.services.s3.S3Client;

/** The consumer's handlers and what they use. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  EventHandlers aggregationHandlers(UploadAggregator aggregator, CellTable table) {
    return AggregationHandlers.of(aggregator, table);
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
