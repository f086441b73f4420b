package com.salestalk.metricshandler.uploads;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the uploads feature. */
@Configuration(proxyBeanMethods = false)
class UploadsConfiguration {

  /** The S3 client, configured like event-aws's clients (endpoint, region, credentials). */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  S3Client s3Client(
      ObjectProvider<AwsClientBuilderConfigurer> configurer, UploadsProperties properties) {
    var builder = S3Client.builder().forcePathStyle(properties.pathStyleAccess());
    AwsClientBuilderConfigurer shared = configurer.getIfAvailable();
    return (shared == null ? builder : shared.configure(builder)).build();
  }

  /**
   * Threads of an upload beside the request's: each object sends its parts while the next ones fill
   * (at most one part in flight), and the normalized rows are written beside the reading.
   */
  @Bean(destroyMethod = "shutdown")
  ExecutorService uploadWorkers() {
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "upload-worker");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  UploadObjects uploadObjects(
      S3Client s3, ExecutorService uploadWorkers, UploadsProperties properties) {
    // two buffers for each of an upload's two objects
    BufferPool buffers = new BufferPool((int) properties.partSize().toBytes(), 4);
    return (key, contentType, contentEncoding) ->
        new S3ObjectSink(
            s3, uploadWorkers, properties.bucket(), key, contentType, contentEncoding, buffers);
  }

  @Bean
  UploadStore uploadStore(DynamoDbClient dynamoDb, UploadsProperties properties) {
    return new UploadStore(dynamoDb, properties.table());
  }

  @Bean
  MetricsCsv metricsCsv(UploadsProperties properties) {
    return new MetricsCsv(
        new MetricsCsv.Limits(
            properties.maxRows(),
            properties.maxColumns(),
            properties.maxCellLength(),
            properties.maxMetrics()));
  }

  @Bean
  UploadIngestion uploadIngestion(
      MetricsCsv csv,
      UploadObjects objects,
      UploadStore store,
      Outbox outbox,
      ExecutorService uploadWorkers,
      Clock clock) {
    return new UploadIngestion(
        csv,
        objects,
        store,
        outbox,
        new EnvelopeFactory(UploadIngestion.SERVICE, clock, EventCatalog.standard()),
        new UploadIds(clock),
        uploadWorkers,
        clock);
  }
}
