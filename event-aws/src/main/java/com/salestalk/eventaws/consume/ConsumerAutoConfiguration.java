package com.salestalk.eventaws.consume;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventaws.metrics.CloudWatchExportAutoConfiguration;
import com.salestalk.eventaws.metrics.MeterRegistries;
import io.awspring.cloud.sqs.config.EndpointRegistrar;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The {@link EventConsumer} and its running {@link SqsEventListener} when {@code
 * salestalk.consumer.name} is set and the application defines {@link EventHandlers}. Uses Spring
 * Cloud AWS's {@link SqsAsyncClient} ({@code spring.cloud.aws.sqs.*}) and its default listener
 * container factory ({@code spring.cloud.aws.sqs.listener.*}).
 */
@AutoConfiguration(
    after = {AwsClientsAutoConfiguration.class, CloudWatchExportAutoConfiguration.class},
    afterName = {
      "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({SqsAsyncClient.class, DynamoDbClient.class})
@ConditionalOnProperty(prefix = ConsumerProperties.PREFIX, name = "name")
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerAutoConfiguration {

  /** The consumer: unwrap, validate, dedupe, dispatch. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({EventHandlers.class, DynamoDbClient.class})
  public EventConsumer eventConsumer(
      ConsumerProperties properties,
      EventHandlers handlers,
      DynamoDbClient dynamo,
      ObjectProvider<MeterRegistry> registries,
      ObjectProvider<Clock> clock) {
    return new EventConsumer(
        properties,
        handlers,
        dynamo,
        MeterRegistries.resolve(registries),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The SQS listener feeding the consumer, from the container factory {@code @SqsListener} uses.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(
      value = {EventConsumer.class, SqsAsyncClient.class},
      name = EndpointRegistrar.DEFAULT_LISTENER_CONTAINER_FACTORY_BEAN_NAME)
  public SqsEventListener sqsEventListener(
      @Qualifier(EndpointRegistrar.DEFAULT_LISTENER_CONTAINER_FACTORY_BEAN_NAME)
          SqsMessageListenerContainerFactory<Object> containers,
      SqsAsyncClient sqs,
      EventConsumer consumer,
      ConsumerProperties properties,
      ObjectProvider<MeterRegistry> registries) {
    return new SqsEventListener(
        containers, sqs, consumer, properties, MeterRegistries.resolve(registries));
  }

  /** Runs the listener while the application runs. */
  @Bean
  @ConditionalOnBean(SqsEventListener.class)
  SqsEventListenerLifecycle sqsEventListenerLifecycle(SqsEventListener listener) {
    return new SqsEventListenerLifecycle(listener);
  }
}
