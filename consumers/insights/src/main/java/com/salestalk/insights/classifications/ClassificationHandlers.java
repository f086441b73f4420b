package com.salestalk.insights.classifications;

import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The insights consumer's handler of {@code classification.performed.v1}. */
public final class ClassificationHandlers {

  private ClassificationHandlers() {}

  /**
   * The handlers: each classification's writes ({@link InsightsTable#effects}) commit with the
   * event's done record in one transaction, so each event counts exactly once.
   *
   * @param dynamo the DynamoDB client
   * @param properties the table, threshold and sample size
   */
  public static EventHandlers of(DynamoDbClient dynamo, InsightsProperties properties) {
    return of(new InsightsTable(dynamo, properties));
  }

  static EventHandlers of(InsightsTable table) {
    return EventHandlers.builder()
        .onTransactional(
            ClassificationPerformed.class,
            (event, classification, effects) ->
                table.effects(event, classification).forEach(effects::add))
        .build();
  }
}
