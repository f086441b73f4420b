package com.salestalk.insights.classifications;

import com.salestalk.eventaws.consume.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the table and the consumer's handlers (event-aws runs them on the insights queue). */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

  @Bean
  InsightsTable insightsTable(DynamoDbClient dynamoDb, InsightsProperties properties) {
    return new InsightsTable(dynamoDb, properties);
  }

  @Bean
  EventHandlers insightsHandlers(InsightsTable table) {
    return ClassificationHandlers.of(table);
  }
}
