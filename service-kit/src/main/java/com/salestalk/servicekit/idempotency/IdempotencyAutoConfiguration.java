package com.salestalk.servicekit.idempotency;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link HttpIdempotency} on the configured table, when a {@link DynamoDbClient} bean exists. */
@AutoConfiguration(afterName = "com.salestalk.eventaws.clients.AwsClientsAutoConfiguration")
@ConditionalOnBean(DynamoDbClient.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  HttpIdempotency httpIdempotency(
      DynamoDbClient dynamoDb, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
    return new HttpIdempotency(
        dynamoDb,
        properties.table(),
        properties.retention(),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
