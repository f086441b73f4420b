package com.salestalk.validation.reports;

import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventaws.metrics.MeterRegistries;
import com.salestalk.eventcontracts.events.MetricsIngested;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Wires the reports feature: the S3 client, the handler and the items. */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

  /**
   * The S3 client, configured like event-aws's clients (endpoint, region, credentials), then by the
   * application's {@link S3ClientCustomizer}s, if any.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  S3Client s3Client(
      ObjectProvider<AwsClientBuilderConfigurer> configurer,
      ObjectProvider<S3ClientCustomizer> customizers,
      ValidationProperties properties) {
    S3ClientBuilder builder = S3Client.builder().forcePathStyle(properties.pathStyleAccess());
    AwsClientBuilderConfigurer shared = configurer.getIfAvailable();
    if (shared != null) {
      shared.configure(builder);
    }
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  @Bean
  UploadValidation uploadValidation(
      S3Client s3,
      ValidationProperties properties,
      ObjectProvider<MeterRegistry> registries,
      Clock clock) {
    return new UploadValidation(
        s3,
        properties.bucket(),
        properties.table(),
        properties.checks(),
        MeterRegistries.resolve(registries),
        clock);
  }

  @Bean
  ReportItems reportItems(ValidationProperties properties) {
    return new ReportItems(properties.table());
  }

  /** metrics.ingested.v1: the report, committed with the event's dedupe record. */
  @Bean
  EventHandlers validationHandlers(UploadValidation validation) {
    return EventHandlers.builder()
        .onTransactional(
            MetricsIngested.class,
            (event, upload, effects) -> effects.add(validation.validate(event, upload)))
        .build();
  }
}
