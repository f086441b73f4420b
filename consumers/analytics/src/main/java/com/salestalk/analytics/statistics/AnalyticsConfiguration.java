package com.salestalk.analytics.statistics;

import com.salestalk.eventaws.consume.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the table and the consumer's handlers (event-aws runs them on the analytics queue). */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

  @Bean
  AnalyticsTable analyticsTable(DynamoDbClient dynamoDb, AnalyticsProperties properties) {
    return new AnalyticsTable(dynamoDb, properties);
  }

  @Bean
  EventHandlers analyticsHandlers(AnalyticsTable table) {
    return AnalyticsHandlers.of(table);
  }
}
