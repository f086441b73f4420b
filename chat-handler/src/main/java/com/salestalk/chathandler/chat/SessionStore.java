package com.salestalk.chathandler.chat;

import com.salestalk.chathandler.answering.MetricUsed;
import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The {@code {env}-conversations} table: one item per session (hash {@code tenantId}, range {@code
 * sessionId}) holding its status, timestamps and transcript ({@code messages}, oldest first).
 */
class SessionStore {

  static final String TENANT = "tenantId";
  static final String SESSION = "sessionId";
  static final String ACTIVE = "active";

  /**
   * A session as a new message finds it.
   *
   * @param sessionId the session
   * @param status {@code active} until it is completed
   * @param messageCount messages in its transcript
   */
  record Session(String sessionId, String status, int messageCount) {}

  /** One exchange of the transcript. */
  record Exchange(
      String messageId,
      String message,
      String intent,
      double confidence,
      String narrative,
      List<MetricUsed> metricsUsed,
      boolean grounded,
      String correlationId,
      Instant at) {}

  private final DynamoDbClient dynamoDb;
  private final String table;

  SessionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  Optional<Session> find(TenantId tenant, String sessionId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(table)
                        .key(key(tenant, sessionId))
                        .projectionExpression("sessionId, #s, messageCount")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Session(
            item.get(SESSION).s(),
            item.get("status").s(),
            Integer.parseInt(item.get("messageCount").n())));
  }

  /** The put of a new session with its first exchange, failing if the id exists. */
  TransactWriteItem start(TenantId tenant, String sessionId, Exchange first) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant, sessionId));
    item.put("status", s(ACTIVE));
    item.put("createdAt", s(first.at().toString()));
    item.put("updatedAt", s(first.at().toString()));
    item.put("messageCount", n(1));
    item.put("messages", AttributeValue.fromL(List.of(exchange(first))));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(sessionId)")
                .build())
        .build();
  }

  /**
   * The append of an exchange to an active session, failing if another message was added since
   * {@code session} was read or the session was completed.
   */
  TransactWriteItem append(TenantId tenant, Session session, Exchange next) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key(tenant, session.sessionId()))
                .updateExpression(
                    "SET messages = list_append(messages, :m), messageCount = :next,"
                        + " updatedAt = :at")
                .conditionExpression("messageCount = :count AND #s = :active")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":m", AttributeValue.fromL(List.of(exchange(next))),
                        ":next", n(session.messageCount() + 1),
                        ":count", n(session.messageCount()),
                        ":at", s(next.at().toString()),
                        ":active", s(ACTIVE)))
                .build())
        .build();
  }

  private static AttributeValue exchange(Exchange e) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("messageId", s(e.messageId()));
    m.put("message", s(e.message()));
    m.put("intent", s(e.intent()));
    m.put("confidence", AttributeValue.fromN(Double.toString(e.confidence())));
    m.put("narrative", s(e.narrative()));
    m.put(
        "metricsUsed",
        AttributeValue.fromL(e.metricsUsed().stream().map(SessionStore::figure).toList()));
    m.put("grounded", AttributeValue.fromBool(e.grounded()));
    m.put("correlationId", s(e.correlationId()));
    m.put("at", s(e.at().toString()));
    return AttributeValue.fromM(m);
  }

  private static AttributeValue figure(MetricUsed f) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("metric", s(f.metric()));
    m.put("period", s(f.period()));
    m.put("value", AttributeValue.fromN(f.value().toPlainString()));
    if (f.dimension() != null) {
      m.put("dimension", s(f.dimension()));
    }
    return AttributeValue.fromM(m);
  }

  private static Map<String, AttributeValue> key(TenantId tenant, String sessionId) {
    return Map.of(TENANT, s(tenant.value()), SESSION, s(sessionId));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
