package com.salestalk.chathandler.chat;

import com.salestalk.chathandler.answering.CellReader;
import com.salestalk.chathandler.understanding.QuestionUnderstanding;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.MetricCells;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the chat feature. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChatConfiguration {

  @Bean
  IdleSessions idleSessions(
      SessionStore sessions, SessionCompletion completion, ChatProperties properties, Clock clock) {
    return new IdleSessions(sessions, completion, properties.idleTimeout(), clock);
  }

  @Bean
  CellReader cellReader(DynamoDbClient dynamoDb, ChatProperties properties) {
    return CellReader.of(new MetricCells(dynamoDb, new CellTable(properties.cellsTable())));
  }

  @Bean
  TenantProfiles tenantProfiles(DynamoDbClient dynamoDb, ChatProperties properties) {
    return new TenantProfiles(dynamoDb, properties.tenantsTable());
  }

  @Bean
  SessionStore sessionStore(DynamoDbClient dynamoDb, ChatProperties properties) {
    return new SessionStore(dynamoDb, properties.table());
  }

  @Bean
  SessionCompletion sessionCompletion(SessionStore sessions, Outbox outbox, Clock clock) {
    return new SessionCompletion(sessions, outbox, events(clock), clock);
  }

  @Bean
  Conversations conversations(
      QuestionUnderstanding understanding,
      CellReader cells,
      TenantProfiles profiles,
      SessionStore sessions,
      Outbox outbox,
      ChatProperties properties,
      Clock clock) {
    return new Conversations(
        understanding, cells, profiles, sessions, outbox, events(clock), properties, clock);
  }

  private static EnvelopeFactory events(Clock clock) {
    return new EnvelopeFactory(Conversations.SERVICE, clock, EventCatalog.standard());
  }
}
