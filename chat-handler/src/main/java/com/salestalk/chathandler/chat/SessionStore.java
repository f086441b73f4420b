package com.salestalk.chathandler.chat;

import com.salestalk.chathandler.answering.MetricUsed;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import java.math.BigDecimal;
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
  static final String COMPLETED = "completed";

  /** The sparse index of active sessions by shard, in idle order (oldest last message first). */
  static final String IDLE_INDEX = "activeShard-idleFrom";

  /** The active sessions are spread over this many index partitions, by session id. */
  static final int SHARDS = 8;

  private static final String SUMMARY =
      "sessionId, #s, createdAt, updatedAt, messageCount, completedAt, completionReason, feedback";

  /**
   * A session as a new message finds it.
   *
   * @param sessionId the session
   * @param status {@code active} until it is completed
   * @param messageCount messages in its transcript
   */
  record Session(String sessionId, String status, int messageCount) {}

  /** A session and its transcript, oldest message first. */
  record Transcript(SessionSummary session, List<Exchange> messages) {}

  /** A page of sessions; {@code lastId} is null on the last page. */
  record Page(List<SessionSummary> sessions, String lastId) {}

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

  /** The whole session with its transcript, or empty for an unknown id. */
  Optional<Transcript> transcript(TenantId tenant, String sessionId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(g -> g.tableName(table).key(key(tenant, sessionId)).consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Transcript(
            summary(item), item.get("messages").l().stream().map(m -> exchange(m.m())).toList()));
  }

  /**
   * A page of the tenant's sessions, newest first: session ids sort by their creation time, so this
   * is one query of the tenant's partition in descending key order, without the transcripts.
   *
   * @param after the last session id of the previous page, or null for the first page
   */
  Page page(TenantId tenant, int size, String after) {
    var response =
        dynamoDb.query(
            q -> {
              q.tableName(table)
                  .keyConditionExpression("tenantId = :t")
                  .expressionAttributeValues(Map.of(":t", s(tenant.value())))
                  .projectionExpression(SUMMARY)
                  .expressionAttributeNames(Map.of("#s", "status"))
                  .scanIndexForward(false)
                  .consistentRead(true)
                  .limit(size);
              if (after != null) {
                q.exclusiveStartKey(key(tenant, after));
              }
            });
    return new Page(
        response.items().stream().map(SessionStore::summary).toList(),
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey().get(SESSION).s()
            : null);
  }

  /**
   * The change of an active session to completed, failing if it is no longer active: whoever
   * completes it first (the user, or the idle sweeper of any instance) wins, exactly once.
   */
  TransactWriteItem complete(
      TenantId tenant,
      String sessionId,
      Instant at,
      String reason,
      ConversationCompleted.Feedback feedback) {
    return complete(tenant, sessionId, at, reason, feedback, null);
  }

  /**
   * As {@link #complete(TenantId, String, Instant, String, ConversationCompleted.Feedback)}, and
   * when {@code idleBefore} is given also failing if a message arrived at or after it.
   */
  TransactWriteItem complete(
      TenantId tenant,
      String sessionId,
      Instant at,
      String reason,
      ConversationCompleted.Feedback feedback,
      Instant idleBefore) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":completed", s(COMPLETED));
    values.put(":active", s(ACTIVE));
    values.put(":at", s(at.toString()));
    values.put(":reason", s(reason));
    String set =
        "SET #s = :completed, completedAt = :at, updatedAt = :at, completionReason = :reason";
    if (feedback != null) {
      Map<String, AttributeValue> f = new HashMap<>();
      f.put("rating", AttributeValue.fromN(Integer.toString(feedback.rating())));
      if (feedback.comment() != null) {
        f.put("comment", s(feedback.comment()));
      }
      values.put(":feedback", AttributeValue.fromM(f));
      set += ", feedback = :feedback";
    }
    String condition = "#s = :active";
    if (idleBefore != null) {
      values.put(":idleBefore", AttributeValue.fromN(Long.toString(idleBefore.toEpochMilli())));
      condition += " AND idleFrom < :idleBefore";
    }
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key(tenant, sessionId))
                .updateExpression(set + " REMOVE activeShard")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values)
                .build())
        .build();
  }

  /** The put of a new session with its first exchange, failing if the id exists. */
  TransactWriteItem start(TenantId tenant, String sessionId, Exchange first) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant, sessionId));
    item.put("status", s(ACTIVE));
    item.put("createdAt", s(first.at().toString()));
    item.put("updatedAt", s(first.at().toString()));
    item.put("messageCount", n(1));
    item.put("activeShard", s(shard(sessionId)));
    item.put("idleFrom", AttributeValue.fromN(Long.toString(first.at().toEpochMilli())));
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
                        + " updatedAt = :at, idleFrom = :idle")
                .conditionExpression("messageCount = :count AND #s = :active")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":m", AttributeValue.fromL(List.of(exchange(next))),
                        ":next", n(session.messageCount() + 1),
                        ":count", n(session.messageCount()),
                        ":at", s(next.at().toString()),
                        ":idle", AttributeValue.fromN(Long.toString(next.at().toEpochMilli())),
                        ":active", s(ACTIVE)))
                .build())
        .build();
  }

  /**
   * Active sessions of one shard whose last message came before {@code before}, oldest first, from
   * the sparse index (eventually consistent: the caller reads each session again).
   */
  List<SessionKey> idle(int shard, Instant before, int limit) {
    return dynamoDb
        .query(
            q ->
                q.tableName(table)
                    .indexName(IDLE_INDEX)
                    .keyConditionExpression("activeShard = :shard AND idleFrom < :before")
                    .expressionAttributeValues(
                        Map.of(
                            ":shard", s("ACTIVE#" + shard),
                            ":before", AttributeValue.fromN(Long.toString(before.toEpochMilli()))))
                    .limit(limit))
        .items()
        .stream()
        .map(i -> new SessionKey(TenantId.of(i.get(TENANT).s()), i.get(SESSION).s()))
        .toList();
  }

  /** A session's key. */
  record SessionKey(TenantId tenant, String sessionId) {}

  static String shard(String sessionId) {
    return "ACTIVE#" + Math.floorMod(sessionId.hashCode(), SHARDS);
  }

  private static SessionSummary summary(Map<String, AttributeValue> item) {
    AttributeValue feedback = item.get("feedback");
    return new SessionSummary(
        item.get(SESSION).s(),
        item.get("status").s(),
        item.get("createdAt").s(),
        item.get("updatedAt").s(),
        Integer.parseInt(item.get("messageCount").n()),
        item.containsKey("completedAt") ? item.get("completedAt").s() : null,
        item.containsKey("completionReason") ? item.get("completionReason").s() : null,
        feedback == null
            ? null
            : new ConversationCompleted.Feedback(
                Integer.parseInt(feedback.m().get("rating").n()),
                feedback.m().containsKey("comment") ? feedback.m().get("comment").s() : null));
  }

  private static Exchange exchange(Map<String, AttributeValue> m) {
    return new Exchange(
        m.get("messageId").s(),
        m.get("message").s(),
        m.get("intent").s(),
        Double.parseDouble(m.get("confidence").n()),
        m.get("narrative").s(),
        m.get("metricsUsed").l().stream()
            .map(AttributeValue::m)
            .map(
                f ->
                    new MetricUsed(
                        f.get("metric").s(),
                        f.get("period").s(),
                        new BigDecimal(f.get("value").n()),
                        f.containsKey("dimension") ? f.get("dimension").s() : null))
            .toList(),
        m.get("grounded").bool(),
        m.get("correlationId").s(),
        Instant.parse(m.get("at").s()));
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
