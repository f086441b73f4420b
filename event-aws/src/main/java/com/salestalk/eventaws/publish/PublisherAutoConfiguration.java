package com.salestalk.eventaws.publish;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventaws.metrics.CloudWatchExportAutoConfiguration;
import com.salestalk.eventaws.metrics.MeterRegistries;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The {@link EventPublisher} ({@link EventBridgePublisher}) and the shared {@link PublishMetrics},
 * from {@code salestalk.publisher.*}.
 */
@AutoConfiguration(
    after = {AwsClientsAutoConfiguration.class, CloudWatchExportAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(EventBridgeClient.class)
@EnableConfigurationProperties(PublisherProperties.class)
public class PublisherAutoConfiguration {

  /** The publish meters, with tag values limited to the standard catalog. */
  @Bean
  @ConditionalOnMissingBean
  public PublishMetrics publishMetrics(ObjectProvider<MeterRegistry> registries) {
    return new PublishMetrics(MeterRegistries.resolve(registries), EventCatalog.standard());
  }

  /** The EventBridge publisher. */
  @Bean
  @ConditionalOnMissingBean(EventPublisher.class)
  @ConditionalOnBean(EventBridgeClient.class)
  @ConditionalOnBooleanProperty(
      prefix = PublisherProperties.PREFIX,
      name = "enabled",
      matchIfMissing = true)
  public EventBridgePublisher eventPublisher(
      EventBridgeClient eventBridge, PublisherProperties properties, PublishMetrics metrics) {
    return new EventBridgePublisher(eventBridge, properties, metrics);
  }
}
