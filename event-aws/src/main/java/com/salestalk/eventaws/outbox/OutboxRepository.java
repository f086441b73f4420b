package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.publish.PreparedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The outbox table ({@code {env}-outbox}, docs/DATA_CONTRACTS.md): every request on it, and the
 * only class that knows its attributes, its {@code status-createdAt} index and the expressions over
 * them. Entries are {@code PENDING} until published (then deleted) or parked as {@code FAILED}; a
 * relay claims an entry with a conditional update that holds for a lease.
 */
final class OutboxRepository {

  private static final String ID = "id";
  private static final String STATUS = "status";
  private static final String SOURCE = "source";
  private static final String EVENT_TYPE = "eventType";
  private static final String PAYLOAD = "payload";
  private static final String CREATED_AT = "createdAt";
  private static final String ATTEMPTS = "attempts";
  private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  private static final String CLAIMED_BY = "claimedBy";
  private static final String CLAIM_UNTIL = "claimUntil";
  private static final String LAST_ERROR = "lastError";

  /** GSI: hash {@code status}, range {@code createdAt}, projection ALL. */
  private static final String STATUS_INDEX = "status-createdAt";

  private static final String PENDING = "PENDING";
  private static final String FAILED = "FAILED";

  /** An entry that is due and not held by a live claim. */
  private static final String DUE =
      "#next <= :now AND (attribute_not_exists(#claimUntil) OR #claimUntil < :now)";

  private static final Map<String, String> QUERY_NAMES =
      Map.of(
          "#id", ID,
          "#status", STATUS,
          "#next", NEXT_ATTEMPT_AT,
          "#claimUntil", CLAIM_UNTIL);

  private static final Map<String, String> CLAIM_NAMES =
      Map.of(
          "#id", ID,
          "#status", STATUS,
          "#next", NEXT_ATTEMPT_AT,
          "#claimedBy", CLAIMED_BY,
          "#claimUntil", CLAIM_UNTIL);

  private static final int MAX_QUERY_PAGES = 10;
  private static final int MAX_ERROR_LENGTH = 1000;

  private final DynamoDbClient dynamo;
  private final String tableName;

  OutboxRepository(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  String tableName() {
    return tableName;
  }

  /**
   * An outbox entry claimed by a relay.
   *
   * @param event the event as it will be published
   * @param attempts publish attempts before this one
   * @param claimedBy the relay holding the claim
   */
  record ClaimedEntry(PreparedEvent event, int attempts, String claimedBy) {}

  /**
   * What the {@code PENDING} entries amount to, by source.
   *
   * @param count entries by source
   * @param oldestCreatedAt the earliest {@code createdAt} (epoch millis) by source
   */
  record PendingBySource(Map<String, Long> count, Map<String, Long> oldestCreatedAt) {}

  /**
   * The write of a new {@code PENDING} entry, due at once, for the caller's transaction; it fails
   * if an entry with the event's id exists.
   */
  TransactWriteItem newEntry(PreparedEvent event, long createdAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, string(event.eventId()));
    item.put(STATUS, string(PENDING));
    item.put(SOURCE, string(event.source()));
    item.put(EVENT_TYPE, string(event.eventType()));
    item.put(PAYLOAD, string(event.json()));
    item.put(CREATED_AT, number(createdAt));
    item.put(ATTEMPTS, number(0));
    item.put(NEXT_ATTEMPT_AT, number(createdAt));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build())
        .build();
  }

  /**
   * Claims up to {@code limit} due {@code PENDING} entries, oldest first, for {@code relayId} until
   * {@code now + lease}. Entries another relay claims first are skipped.
   */
  List<ClaimedEntry> claimDue(String relayId, int limit, long now, Duration lease) {
    List<ClaimedEntry> claimed = new ArrayList<>(limit);
    Map<String, AttributeValue> values =
        Map.of(
            ":me", string(relayId),
            ":until", number(now + lease.toMillis()),
            ":pending", string(PENDING),
            ":now", number(now));
    for (String id : dueIds(limit, now)) {
      try {
        Map<String, AttributeValue> item =
            dynamo
                .updateItem(
                    UpdateItemRequest.builder()
                        .tableName(tableName)
                        .key(Map.of(ID, string(id)))
                        .updateExpression("SET #claimedBy = :me, #claimUntil = :until")
                        .conditionExpression(
                            "attribute_exists(#id) AND #status = :pending AND " + DUE)
                        .expressionAttributeNames(CLAIM_NAMES)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .build())
                .attributes();
        claimed.add(
            new ClaimedEntry(
                new PreparedEvent(
                    item.get(ID).s(),
                    item.get(EVENT_TYPE).s(),
                    item.get(SOURCE).s(),
                    item.get(PAYLOAD).s()),
                Integer.parseInt(item.get(ATTEMPTS).n()),
                relayId));
      } catch (ConditionalCheckFailedException e) {
        // another relay claimed it, or it was published meanwhile
      }
    }
    return claimed;
  }

  /** Removes a published entry. */
  void delete(ClaimedEntry entry) {
    dynamo.deleteItem(
        DeleteItemRequest.builder()
            .tableName(tableName)
            .key(Map.of(ID, string(entry.event().eventId())))
            .build());
  }

  /**
   * Frees a claimed entry to be claimed again at {@code nextAttemptAt}.
   *
   * @return {@code false} if the claim was no longer this relay's, so nothing changed
   */
  boolean retryLater(ClaimedEntry entry, int attempts, long nextAttemptAt, String error) {
    return release(
        entry,
        attempts,
        error,
        "#next = :next",
        Map.of("#next", NEXT_ATTEMPT_AT),
        Map.of(":next", number(nextAttemptAt)));
  }

  /**
   * Parks a claimed entry as {@code FAILED}: no relay claims it until {@link #requeueFailed}.
   *
   * @return {@code false} if the claim was no longer this relay's, so nothing changed
   */
  boolean park(ClaimedEntry entry, int attempts, String error) {
    return release(
        entry,
        attempts,
        error,
        "#status = :failed",
        Map.of("#status", STATUS),
        Map.of(":failed", string(FAILED)));
  }

  /** Counts the {@code PENDING} entries by source, reading at most {@code scanLimit} of them. */
  PendingBySource pendingBySource(int scanLimit) {
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> oldest = new HashMap<>();
    Map<String, AttributeValue> startKey = null;
    int seen = 0;
    do {
      QueryResponse page =
          dynamo.query(
              statusIndexQuery(":pending")
                  .projectionExpression("#source, #createdAt")
                  .expressionAttributeNames(
                      Map.of("#status", STATUS, "#source", SOURCE, "#createdAt", CREATED_AT))
                  .expressionAttributeValues(Map.of(":pending", string(PENDING)))
                  .limit(Math.min(1000, scanLimit - seen))
                  .exclusiveStartKey(startKey)
                  .build());
      for (Map<String, AttributeValue> item : page.items()) {
        String source = item.containsKey(SOURCE) ? item.get(SOURCE).s() : "";
        counts.merge(source, 1L, Long::sum);
        if (item.containsKey(CREATED_AT)) {
          oldest.merge(source, Long.parseLong(item.get(CREATED_AT).n()), Math::min);
        }
      }
      seen += page.items().size();
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null && !startKey.isEmpty() && seen < scanLimit);
    return new PendingBySource(counts, oldest);
  }

  /**
   * Puts up to {@code limit} parked entries back to {@code PENDING}, due at {@code now}, with zero
   * attempts.
   *
   * @return how many were requeued
   */
  int requeueFailed(int limit, long now) {
    QueryResponse page =
        dynamo.query(
            statusIndexQuery(":failed")
                .projectionExpression("#id")
                .expressionAttributeNames(Map.of("#status", STATUS, "#id", ID))
                .expressionAttributeValues(Map.of(":failed", string(FAILED)))
                .limit(limit)
                .build());
    int requeued = 0;
    for (Map<String, AttributeValue> item : page.items()) {
      try {
        dynamo.updateItem(
            UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(ID, item.get(ID)))
                .updateExpression("SET #status = :pending, #attempts = :zero, #next = :now")
                .conditionExpression("#status = :failed")
                .expressionAttributeNames(
                    Map.of("#status", STATUS, "#attempts", ATTEMPTS, "#next", NEXT_ATTEMPT_AT))
                .expressionAttributeValues(
                    Map.of(
                        ":pending", string(PENDING),
                        ":failed", string(FAILED),
                        ":zero", number(0),
                        ":now", number(now)))
                .build());
        requeued++;
      } catch (ConditionalCheckFailedException e) {
        // requeued or deleted meanwhile
      }
    }
    return requeued;
  }

  /**
   * A query of the entries whose status is the value of {@code statusValue} (e.g. {@code :pending},
   * bound by the caller), oldest first.
   */
  private QueryRequest.Builder statusIndexQuery(String statusValue) {
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(STATUS_INDEX)
        .keyConditionExpression("#status = " + statusValue);
  }

  /** The ids of up to {@code limit} due entries, oldest first. */
  private List<String> dueIds(int limit, long now) {
    List<String> ids = new ArrayList<>(limit);
    Map<String, AttributeValue> startKey = null;
    int pages = 0;
    do {
      QueryResponse page =
          dynamo.query(
              statusIndexQuery(":pending")
                  .filterExpression(DUE)
                  .projectionExpression("#id")
                  .expressionAttributeNames(QUERY_NAMES)
                  .expressionAttributeValues(
                      Map.of(":pending", string(PENDING), ":now", number(now)))
                  .limit(Math.max(limit, 25))
                  .exclusiveStartKey(startKey)
                  .build());
      for (Map<String, AttributeValue> item : page.items()) {
        if (ids.size() < limit) {
          ids.add(item.get(ID).s());
        }
      }
      pages++;
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (ids.size() < limit
        && startKey != null
        && !startKey.isEmpty()
        && pages < MAX_QUERY_PAGES);
    return ids;
  }

  /**
   * Drops the claim, records the attempt and its error, and applies {@code set}, if the claim is
   * still {@code entry.claimedBy()}'s.
   */
  private boolean release(
      ClaimedEntry entry,
      int attempts,
      String error,
      String set,
      Map<String, String> setNames,
      Map<String, AttributeValue> setValues) {
    Map<String, String> names = new HashMap<>(setNames);
    names.put("#attempts", ATTEMPTS);
    names.put("#lastError", LAST_ERROR);
    names.put("#claimedBy", CLAIMED_BY);
    names.put("#claimUntil", CLAIM_UNTIL);
    Map<String, AttributeValue> values = new HashMap<>(setValues);
    values.put(":attempts", number(attempts));
    values.put(":error", string(truncate(error)));
    values.put(":me", string(entry.claimedBy()));
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(tableName)
              .key(Map.of(ID, string(entry.event().eventId())))
              .updateExpression(
                  "SET "
                      + set
                      + ", #attempts = :attempts, #lastError = :error"
                      + " REMOVE #claimedBy, #claimUntil")
              .conditionExpression("#claimedBy = :me")
              .expressionAttributeNames(names)
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  private static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
