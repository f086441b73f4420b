package com.salestalk.eventaws.consume;

import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Dedupe records in the {@code {env}-idempotency} table (docs/DATA_CONTRACTS.md): {@code key}
 * ({@code {consumer}#{eventId}}), {@code status} ({@code IN_PROGRESS}/{@code DONE}), {@code
 * leaseUntil} (epoch ms), {@code expiresAtEpoch} (TTL, epoch s). An item whose TTL has passed
 * counts as absent, since DynamoDB deletes expired items lazily (and the emulator never).
 */
final class DynamoDbDedupeStore implements DedupeStore {

  static final String KEY = "key";
  static final String STATUS = "status";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";
  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String DONE = "DONE";

  private static final Map<String, String> NAMES =
      Map.of("#key", KEY, "#status", STATUS, "#lease", LEASE_UNTIL, "#expires", EXPIRES_AT_EPOCH);
  private static final AttributeValue IN_PROGRESS_VALUE = AttributeValue.fromS(IN_PROGRESS);
  private static final AttributeValue DONE_VALUE = AttributeValue.fromS(DONE);

  private final DynamoDbClient dynamo;
  private final ConsumerProperties properties;
  private final Clock clock;

  DynamoDbDedupeStore(DynamoDbClient dynamo, ConsumerProperties properties, Clock clock) {
    this.dynamo = dynamo;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Claim claim(String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      long now = clock.millis();
      try {
        dynamo.putItem(
            PutItemRequest.builder()
                .tableName(properties.dedupeTable())
                .item(
                    Map.of(
                        KEY, AttributeValue.fromS(key),
                        STATUS, IN_PROGRESS_VALUE,
                        LEASE_UNTIL, n(now + properties.lease().toMillis()),
                        EXPIRES_AT_EPOCH, n((now + properties.retention().toMillis()) / 1000)))
                .conditionExpression(
                    "attribute_not_exists(#key) OR #expires < :nowEpoch"
                        + " OR (#status = :inProgress AND #lease < :now)")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(
                    Map.of(
                        ":nowEpoch", n(now / 1000),
                        ":now", n(now),
                        ":inProgress", IN_PROGRESS_VALUE))
                .build());
        return Claim.CLAIMED;
      } catch (ConditionalCheckFailedException e) {
        Map<String, AttributeValue> item =
            dynamo
                .getItem(
                    GetItemRequest.builder()
                        .tableName(properties.dedupeTable())
                        .key(Map.of(KEY, AttributeValue.fromS(key)))
                        .consistentRead(true)
                        .build())
                .item();
        if (item == null || item.isEmpty()) {
          continue; // released or expired meanwhile: try again
        }
        String status = item.get(STATUS).s();
        if (DONE.equals(status)) {
          return Claim.DONE;
        }
        return Claim.BUSY;
      }
    }
    return Claim.BUSY;
  }

  /** Overwrites the item as done: the lease goes, the retention starts now. */
  @Override
  public void complete(String key) {
    long now = clock.millis();
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(properties.dedupeTable())
            .item(
                Map.of(
                    KEY, AttributeValue.fromS(key),
                    STATUS, DONE_VALUE,
                    EXPIRES_AT_EPOCH, n((now + properties.retention().toMillis()) / 1000)))
            .build());
  }

  @Override
  public void release(String key) {
    try {
      dynamo.deleteItem(
          DeleteItemRequest.builder()
              .tableName(properties.dedupeTable())
              .key(Map.of(KEY, AttributeValue.fromS(key)))
              .conditionExpression("#status = :inProgress")
              .expressionAttributeNames(Map.of("#status", STATUS))
              .expressionAttributeValues(Map.of(":inProgress", IN_PROGRESS_VALUE))
              .build());
    } catch (ConditionalCheckFailedException e) {
      // already done or gone
    }
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
