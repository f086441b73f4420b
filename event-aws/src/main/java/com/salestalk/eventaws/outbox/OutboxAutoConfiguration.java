package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventaws.metrics.MeterRegistries;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublisherAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Outbox} and a running {@link OutboxRelay} in an application that has an outbox ({@code
 * salestalk.outbox.enabled=true}; the relay needs an {@link EventPublisher}, and {@code
 * salestalk.outbox.relay.enabled=false} turns it off).
 */
@AutoConfiguration(after = {AwsClientsAutoConfiguration.class, PublisherAutoConfiguration.class})
@ConditionalOnClass(DynamoDbClient.class)
@ConditionalOnBooleanProperty(prefix = OutboxProperties.PREFIX, name = "enabled")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  /** The producer side of the outbox. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({DynamoDbClient.class, PublishMetrics.class})
  public Outbox outbox(
      DynamoDbClient dynamo,
      OutboxProperties properties,
      PublishMetrics metrics,
      ObjectProvider<Clock> clock) {
    return new Outbox(dynamo, properties, metrics, clock.getIfAvailable(Clock::systemUTC));
  }

  /** The relay. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({DynamoDbClient.class, EventPublisher.class, PublishMetrics.class})
  @ConditionalOnBooleanProperty(
      prefix = OutboxProperties.PREFIX,
      name = "relay.enabled",
      matchIfMissing = true)
  public OutboxRelay outboxRelay(
      DynamoDbClient dynamo,
      EventPublisher publisher,
      OutboxProperties properties,
      PublishMetrics metrics,
      ObjectProvider<MeterRegistry> registries,
      ObjectProvider<Clock> clock) {
    return new OutboxRelay(
        dynamo,
        publisher,
        properties,
        metrics,
        MeterRegistries.resolve(registries),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Runs the relay while the application runs. */
  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay, ObjectProvider<Clock> clock) {
    return new OutboxRelayLifecycle(relay, clock.getIfAvailable(Clock::systemUTC));
  }
}
