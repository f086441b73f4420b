package com.salestalk.analytics.statistics;

import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The analytics consumer's handlers of {@code narrative.generated.v1}, {@code
 * conversation.completed.v1} and {@code tenant.provisioned.v1}.
 */
public final class AnalyticsHandlers {

  private AnalyticsHandlers() {}

  /**
   * The handlers: each event's additions to the analytics table commit with the event's done record
   * in one transaction, so each event counts exactly once.
   *
   * @param dynamo the DynamoDB client
   * @param properties the table
   */
  public static EventHandlers of(DynamoDbClient dynamo, AnalyticsProperties properties) {
    return of(new AnalyticsTable(dynamo, properties));
  }

  static EventHandlers of(AnalyticsTable table) {
    return EventHandlers.builder()
        .onTransactional(
            NarrativeGenerated.class,
            (event, narrative, effects) -> effects.add(table.narrative(event, narrative)))
        .onTransactional(
            ConversationCompleted.class,
            (event, conversation, effects) -> effects.add(table.conversation(event, conversation)))
        .onTransactional(
            TenantProvisioned.class,
            (event, tenant, effects) ->
                table.tenantProvisioned(event, tenant.plan()).forEach(effects::add))
        .build();
  }
}
