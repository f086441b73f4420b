package com.salestalk.eventaws.metrics;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * A {@link CloudWatchMeterRegistry} in namespace {@value SalesTalkMetrics#NAMESPACE} (property
 * {@code salestalk.metrics.cloudwatch.namespace}) unless the application defines one, or Spring
 * Cloud AWS's export is configured ({@code management.cloudwatch.metrics.export.namespace}).
 * Ordered before Spring Boot's composite and simple registries, so with actuator it becomes the
 * application's registry (or part of the composite).
 */
@AutoConfiguration(
    after = AwsClientsAutoConfiguration.class,
    afterName = "io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration",
    beforeName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({CloudWatchMeterRegistry.class, CloudWatchAsyncClient.class})
@ConditionalOnProperty(
    prefix = CloudWatchExportProperties.PREFIX,
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(CloudWatchExportProperties.class)
public class CloudWatchExportAutoConfiguration {

  /** The SalesTalk CloudWatch registry. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(CloudWatchMeterRegistry.class)
  @ConditionalOnBean(CloudWatchAsyncClient.class)
  public CloudWatchMeterRegistry salesTalkCloudWatchMeterRegistry(
      CloudWatchAsyncClient cloudWatch, CloudWatchExportProperties properties) {
    return CloudWatchExport.registry(
        cloudWatch, properties.namespace(), properties.step(), Clock.SYSTEM);
  }
}
