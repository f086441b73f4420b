package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventaws.metrics.MeterRegistries;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublisherAutoConfiguration;
import com.salestalk.eventaws.publish.RetryPolicy;
import com.salestalk.eventcontracts.validation.EventValidator;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Outbox} and a running {@link OutboxRelay} when {@code salestalk.outbox.table} is set
 * (the relay needs an {@link EventPublisher}; {@code salestalk.outbox.relay.enabled=false} turns it
 * off).
 */
@AutoConfiguration(after = {AwsClientsAutoConfiguration.class, PublisherAutoConfiguration.class})
@ConditionalOnClass(DynamoDbClient.class)
@ConditionalOnProperty(prefix = OutboxProperties.PREFIX, name = "table")
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
    return new Outbox(
        dynamo,
        properties.table(),
        EventValidator.strict(),
        metrics,
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** The relay. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({DynamoDbClient.class, EventPublisher.class, PublishMetrics.class})
  @ConditionalOnProperty(
      prefix = OutboxProperties.PREFIX,
      name = "relay.enabled",
      havingValue = "true",
      matchIfMissing = true)
  public OutboxRelay outboxRelay(
      DynamoDbClient dynamo,
      EventPublisher publisher,
      OutboxProperties properties,
      PublishMetrics metrics,
      ObjectProvider<MeterRegistry> registries,
      ObjectProvider<Clock> clock) {
    OutboxProperties.Relay relay = properties.relay();
    OutboxRelaySettings settings =
        new OutboxRelaySettings(
            properties.table(),
            relay.instanceId() != null ? relay.instanceId() : defaultInstanceId(),
            relay.interval(),
            relay.batchSize(),
            relay.lease(),
            new RetryPolicy(relay.maxAttempts(), relay.baseDelay(), relay.maxDelay()),
            relay.backlogRefresh(),
            relay.backlogScanLimit());
    return new OutboxRelay(
        dynamo,
        publisher,
        settings,
        metrics,
        MeterRegistries.resolve(registries),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Runs the relay while the application runs. */
  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay) {
    return new OutboxRelayLifecycle(relay);
  }

  private static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "relay";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
