package com.salestalk.aggregation;

import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.MetricCells;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cells table, written by the ingest feature and read by the summaries feature. */
@Configuration(proxyBeanMethods = false)
class CellsConfiguration {

  @Bean
  CellTable cellTable(AggregationProperties properties) {
    return new CellTable(properties.table());
  }

  @Bean
  MetricCells metricCells(DynamoDbClient dynamoDb, CellTable table) {
    return new MetricCells(dynamoDb, table);
  }
}
