package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.publish.PreparedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The outbox table ({@code {env}-outbox}, docs/DATA_CONTRACTS.md): every request on it, and the
 * only class that knows its attributes, its {@value #INDEX} index and the expressions over them.
 *
 * <p>An entry is {@code PENDING} until published (then deleted) or parked as {@code FAILED}. Each
 * entry lives in one of {@code shards} write shards, chosen from its eventId; the index is keyed by
 * status and shard ({@code statusShard = PENDING#3}) and ordered by {@code nextAttemptAt}, so a
 * query for due entries reads only due ones, earliest due first, and an entry backing off never
 * hides a due one behind the query's limit. The index holds only keys, {@code source}, {@code
 * createdAt} and {@code attempts}; the payload is read from the table by key.
 *
 * <p>A relay holds a shard through a lease item ({@code id = lease#3}) written with a fresh token;
 * the lease is released by a delete conditional on that token.
 */
final class OutboxRepository {

  /**
   * GSI: hash {@code statusShard}, range {@code nextAttemptAt}; INCLUDE source, createdAt,
   * attempts.
   */
  static final String INDEX = "statusShard-nextAttemptAt";

  private static final String ID = "id";
  private static final String STATUS = "status";
  private static final String STATUS_SHARD = "statusShard";
  private static final String SOURCE = "source";
  private static final String EVENT_TYPE = "eventType";
  private static final String PAYLOAD = "payload";
  private static final String CREATED_AT = "createdAt";
  private static final String ATTEMPTS = "attempts";
  private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  private static final String LAST_ERROR = "lastError";
  private static final String CLAIMED_BY = "claimedBy";
  private static final String CLAIM_TOKEN = "claimToken";
  private static final String CLAIM_UNTIL = "claimUntil";

  private static final String PENDING = "PENDING";
  private static final String FAILED = "FAILED";
  private static final String LEASE_PREFIX = "lease#";

  /** Keys per BatchGetItem and BatchWriteItem call that DynamoDB accepts. */
  private static final int MAX_BATCH_GET = 100;

  private static final int MAX_BATCH_WRITE = 25;

  /**
   * Rounds of resending what a batch call left unprocessed (throttling) before giving up, with
   * pauses of 25, 50, 100 ms before the resends.
   */
  private static final int UNPROCESSED_ROUNDS = 4;

  private static final long FIRST_PAUSE_MILLIS = 25;

  private static final int MAX_QUERY_PAGES = 10;
  private static final int MAX_ERROR_LENGTH = 1000;

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final int shards;
  private final AwsRequestOverrideConfiguration timeouts;

  /**
   * @param callTimeout the SDK {@code apiCallTimeout} of every request (each attempt gets half), or
   *     null for the client's settings
   */
  OutboxRepository(DynamoDbClient dynamo, String tableName, int shards, Duration callTimeout) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.shards = shards;
    this.timeouts =
        callTimeout == null
            ? null
            : AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(callTimeout.dividedBy(2))
                .build();
  }

  String tableName() {
    return tableName;
  }

  int shards() {
    return shards;
  }

  /**
   * The write shard of an entry: a fixed function of its eventId (String.hashCode is specified).
   */
  static int shardOf(String eventId, int shards) {
    return Math.floorMod(eventId.hashCode(), shards);
  }

  /**
   * An outbox entry read for publication.
   *
   * @param event the event as it will be published
   * @param attempts publish attempts before this one, as read
   */
  record ClaimedEntry(PreparedEvent event, int attempts) {}

  /**
   * A relay's hold on a shard.
   *
   * @param shard the shard
   * @param token written by this acquisition only
   * @param until epoch millis when the lease ends and another relay may take the shard
   */
  record Lease(int shard, String token, long until) {}

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
    item.put(STATUS_SHARD, string(statusShard(PENDING, shardOf(event.eventId(), shards))));
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

  /** The ids of up to {@code limit} entries of {@code shard} due at {@code now}, earliest first. */
  List<String> dueIds(int shard, long now, int limit) {
    List<String> ids = new ArrayList<>(limit);
    readIndex(
        indexQuery(
                "#statusShard = :key AND #next <= :now",
                Map.of("#statusShard", STATUS_SHARD, "#next", NEXT_ATTEMPT_AT, "#id", ID),
                Map.of(":key", string(statusShard(PENDING, shard)), ":now", number(now)))
            .projectionExpression("#id"),
        limit,
        item -> ids.add(item.get(ID).s()));
    return ids;
  }

  /**
   * Takes {@code shard} for {@code relayId} until {@code now + lease} with a fresh token, if no
   * other lease on it holds at {@code now}.
   *
   * @return the lease, or empty if another relay holds the shard
   */
  Optional<Lease> acquire(int shard, String relayId, long now, Duration lease) {
    Lease acquired = new Lease(shard, UUID.randomUUID().toString(), now + lease.toMillis());
    try {
      dynamo.updateItem(
          b ->
              b.tableName(tableName)
                  .key(leaseKey(shard))
                  .updateExpression(
                      "SET #claimedBy = :me, #claimToken = :token, #claimUntil = :until")
                  .conditionExpression("attribute_not_exists(#claimUntil) OR #claimUntil < :now")
                  .expressionAttributeNames(
                      Map.of(
                          "#claimedBy", CLAIMED_BY,
                          "#claimToken", CLAIM_TOKEN,
                          "#claimUntil", CLAIM_UNTIL))
                  .expressionAttributeValues(
                      Map.of(
                          ":me", string(relayId),
                          ":token", string(acquired.token()),
                          ":until", number(acquired.until()),
                          ":now", number(now)))
                  .overrideConfiguration(timeouts));
      return Optional.of(acquired);
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /**
   * Ends {@code lease} by deleting the lease item, if it still carries the lease's token.
   *
   * @return {@code false} if the lease had ended and been taken (or released) meanwhile, so nothing
   *     changed
   */
  boolean release(Lease lease) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(tableName)
                  .key(leaseKey(lease.shard()))
                  .conditionExpression("#claimToken = :token")
                  .expressionAttributeNames(Map.of("#claimToken", CLAIM_TOKEN))
                  .expressionAttributeValues(Map.of(":token", string(lease.token())))
                  .overrideConfiguration(timeouts));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Reads the entries {@code ids} consistently and returns those still {@code PENDING} and due at
   * {@code now}, in the order of {@code ids} (the index is read eventually consistently, so an id
   * from it may have been published, parked or rescheduled meanwhile).
   */
  List<ClaimedEntry> readDue(List<String> ids, long now) {
    Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += MAX_BATCH_GET) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (String id : ids.subList(from, Math.min(from + MAX_BATCH_GET, ids.size()))) {
        keys.add(Map.of(ID, string(id)));
      }
      Map<String, KeysAndAttributes> request =
          Map.of(
              tableName,
              KeysAndAttributes.builder()
                  .keys(keys)
                  .consistentRead(true)
                  .projectionExpression("#id, #status, #type, #source, #payload, #attempts, #next")
                  .expressionAttributeNames(
                      Map.of(
                          "#id", ID,
                          "#status", STATUS,
                          "#type", EVENT_TYPE,
                          "#source", SOURCE,
                          "#payload", PAYLOAD,
                          "#attempts", ATTEMPTS,
                          "#next", NEXT_ATTEMPT_AT))
                  .build());
      for (int round = 0; round < UNPROCESSED_ROUNDS && !request.isEmpty(); round++) {
        pauseBefore(round);
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response =
            dynamo.batchGetItem(b -> b.requestItems(asked).overrideConfiguration(timeouts));
        response
            .responses()
            .getOrDefault(tableName, List.of())
            .forEach(item -> byId.put(item.get(ID).s(), item));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    List<ClaimedEntry> due = new ArrayList<>(ids.size());
    for (String id : ids) {
      Map<String, AttributeValue> item = byId.get(id);
      if (item != null
          && PENDING.equals(item.get(STATUS).s())
          && Long.parseLong(item.get(NEXT_ATTEMPT_AT).n()) <= now) {
        due.add(
            new ClaimedEntry(
                new PreparedEvent(
                    id, item.get(EVENT_TYPE).s(), item.get(SOURCE).s(), item.get(PAYLOAD).s()),
                Integer.parseInt(item.get(ATTEMPTS).n())));
      }
    }
    return due;
  }

  /**
   * Deletes published entries with BatchWriteItem, unconditionally: each was accepted by
   * EventBridge, so removing it cannot lose an event, whoever holds its shard now.
   *
   * @return how many were left undeleted (still unprocessed after the resend rounds); they will be
   *     published again
   */
  int delete(List<String> ids) {
    int left = 0;
    for (int from = 0; from < ids.size(); from += MAX_BATCH_WRITE) {
      List<WriteRequest> deletes = new ArrayList<>();
      for (String id : ids.subList(from, Math.min(from + MAX_BATCH_WRITE, ids.size()))) {
        deletes.add(
            WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(Map.of(ID, string(id))).build())
                .build());
      }
      Map<String, List<WriteRequest>> request = Map.of(tableName, deletes);
      for (int round = 0; round < UNPROCESSED_ROUNDS && !request.isEmpty(); round++) {
        pauseBefore(round);
        Map<String, List<WriteRequest>> asked = request;
        BatchWriteItemResponse response =
            dynamo.batchWriteItem(b -> b.requestItems(asked).overrideConfiguration(timeouts));
        request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
      left += request.getOrDefault(tableName, List.of()).size();
    }
    return left;
  }

  /**
   * Records a failed attempt and makes the entry due again at {@code nextAttemptAt}, if it is still
   * {@code PENDING} with the attempts {@code entry} read.
   *
   * @return {@code false} if the entry changed meanwhile (another relay published, rescheduled or
   *     parked it), so nothing changed
   */
  boolean retryLater(ClaimedEntry entry, int attempts, long nextAttemptAt, String error) {
    return recordAttempt(
        entry,
        attempts,
        error,
        "#next = :next",
        Map.of("#next", NEXT_ATTEMPT_AT),
        Map.of(":next", number(nextAttemptAt)));
  }

  /**
   * Parks the entry as {@code FAILED}, if it is still {@code PENDING} with the attempts {@code
   * entry} read: no relay publishes it until {@link #requeueFailed}.
   *
   * @return {@code false} if the entry changed meanwhile, so nothing changed
   */
  boolean park(ClaimedEntry entry, int attempts, String error) {
    String shard = statusShard(FAILED, shardOf(entry.event().eventId(), shards));
    return recordAttempt(
        entry,
        attempts,
        error,
        "#status = :failed, #statusShard = :shard",
        Map.of("#statusShard", STATUS_SHARD),
        Map.of(":failed", string(FAILED), ":shard", string(shard)));
  }

  /**
   * Counts the {@code PENDING} entries by source, reading at most about {@code scanLimit} of them
   * (the same share of each shard).
   */
  PendingBySource pendingBySource(int scanLimit) {
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> oldest = new HashMap<>();
    int perShard = Math.max(1, (scanLimit + shards - 1) / shards);
    for (int shard = 0; shard < shards; shard++) {
      readIndex(
          indexQuery(
                  "#statusShard = :key",
                  Map.of("#statusShard", STATUS_SHARD, "#source", SOURCE, "#createdAt", CREATED_AT),
                  Map.of(":key", string(statusShard(PENDING, shard))))
              .projectionExpression("#source, #createdAt"),
          perShard,
          item -> {
            String source = item.get(SOURCE).s();
            counts.merge(source, 1L, Long::sum);
            oldest.merge(source, Long.parseLong(item.get(CREATED_AT).n()), Math::min);
          });
    }
    return new PendingBySource(counts, oldest);
  }

  /**
   * Puts up to {@code limit} parked entries back to {@code PENDING}, due at {@code now}, with zero
   * attempts.
   *
   * @return how many were requeued
   */
  int requeueFailed(int limit, long now) {
    int requeued = 0;
    for (int shard = 0; shard < shards && requeued < limit; shard++) {
      AttributeValue pendingKey = string(statusShard(PENDING, shard));
      List<AttributeValue> ids = new ArrayList<>();
      readIndex(
          indexQuery(
                  "#statusShard = :key",
                  Map.of("#statusShard", STATUS_SHARD, "#id", ID),
                  Map.of(":key", string(statusShard(FAILED, shard))))
              .projectionExpression("#id"),
          limit - requeued,
          item -> ids.add(item.get(ID)));
      for (AttributeValue id : ids) {
        try {
          dynamo.updateItem(
              b ->
                  b.tableName(tableName)
                      .key(Map.of(ID, id))
                      .updateExpression(
                          "SET #status = :pending, #statusShard = :shard, #attempts = :zero,"
                              + " #next = :now")
                      .conditionExpression("#status = :failed")
                      .expressionAttributeNames(
                          Map.of(
                              "#status", STATUS,
                              "#statusShard", STATUS_SHARD,
                              "#attempts", ATTEMPTS,
                              "#next", NEXT_ATTEMPT_AT))
                      .expressionAttributeValues(
                          Map.of(
                              ":pending", string(PENDING),
                              ":failed", string(FAILED),
                              ":shard", pendingKey,
                              ":zero", number(0),
                              ":now", number(now)))
                      .overrideConfiguration(timeouts));
          requeued++;
        } catch (ConditionalCheckFailedException e) {
          // requeued or deleted meanwhile
        }
      }
    }
    return requeued;
  }

  /**
   * Pages through {@code query} until {@code limit} items were read or there are no more (at most
   * {@value #MAX_QUERY_PAGES} pages), handing each item to {@code onItem}.
   */
  private void readIndex(
      QueryRequest.Builder query, int limit, Consumer<Map<String, AttributeValue>> onItem) {
    Map<String, AttributeValue> startKey = null;
    int read = 0;
    int pages = 0;
    do {
      QueryResponse page =
          dynamo.query(query.limit(limit - read).exclusiveStartKey(startKey).build());
      page.items().forEach(onItem);
      read += page.items().size();
      pages++;
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (read < limit && startKey != null && pages < MAX_QUERY_PAGES);
  }

  /** A query of the index, with the names and values of {@code keyCondition}. */
  private QueryRequest.Builder indexQuery(
      String keyCondition, Map<String, String> names, Map<String, AttributeValue> values) {
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(INDEX)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .overrideConfiguration(timeouts);
  }

  /**
   * Records the attempt and its error and applies {@code set}, if the entry is still {@code
   * PENDING} with the attempts it had when read.
   */
  private boolean recordAttempt(
      ClaimedEntry entry,
      int attempts,
      String error,
      String set,
      Map<String, String> setNames,
      Map<String, AttributeValue> setValues) {
    Map<String, String> names = new HashMap<>(setNames);
    names.put("#status", STATUS);
    names.put("#attempts", ATTEMPTS);
    names.put("#lastError", LAST_ERROR);
    Map<String, AttributeValue> values = new LinkedHashMap<>(setValues);
    values.put(":pending", string(PENDING));
    values.put(":read", number(entry.attempts()));
    values.put(":attempts", number(attempts));
    values.put(":error", string(truncate(error)));
    try {
      dynamo.updateItem(
          b ->
              b.tableName(tableName)
                  .key(Map.of(ID, string(entry.event().eventId())))
                  .updateExpression("SET " + set + ", #attempts = :attempts, #lastError = :error")
                  .conditionExpression("#status = :pending AND #attempts = :read")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values)
                  .overrideConfiguration(timeouts));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static String statusShard(String status, int shard) {
    return status + "#" + shard;
  }

  /** Waits before resend {@code round} (none before the first call). */
  private static void pauseBefore(int round) {
    if (round == 0) {
      return;
    }
    try {
      Thread.sleep(FIRST_PAUSE_MILLIS << (round - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resending unprocessed items", e);
    }
  }

  private static Map<String, AttributeValue> leaseKey(int shard) {
    return Map.of(ID, string(LEASE_PREFIX + shard));
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
