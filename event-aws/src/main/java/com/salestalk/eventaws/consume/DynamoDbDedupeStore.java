package com.salestalk.eventaws.consume;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Dedupe records in the {@code {env}-idempotency} table (docs/DATA_CONTRACTS.md): {@code key}
 * ({@code {consumer}#{eventId}}), {@code status} ({@code IN_PROGRESS}/{@code DONE}), {@code owner}
 * (the token of the delivery holding the lease), {@code leaseUntil} (epoch ms), {@code
 * expiresAtEpoch} (TTL, epoch s). An item whose TTL has passed counts as absent, since DynamoDB
 * deletes expired items lazily (and the emulator never). Extending, completing and releasing are
 * conditional on {@code status = IN_PROGRESS AND owner = :owner}, so they change nothing once the
 * lease passed to another delivery.
 */
final class DynamoDbDedupeStore implements DedupeStore {

  static final String KEY = "key";
  static final String STATUS = "status";
  static final String OWNER = "owner";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String EXPIRES_AT_EPOCH = "expiresAtEpoch";
  static final String IN_PROGRESS = "IN_PROGRESS";
  static final String DONE = "DONE";

  private static final String HELD_BY_OWNER = "#status = :inProgress AND #owner = :owner";
  private static final Map<String, String> OWNER_NAMES = Map.of("#status", STATUS, "#owner", OWNER);
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
  public Claim claim(Lease lease) {
    for (int attempt = 0; attempt < 3; attempt++) {
      long now = clock.millis();
      try {
        dynamo.putItem(
            b ->
                b.tableName(properties.dedupeTable())
                    .item(
                        Map.of(
                            KEY, key(lease),
                            STATUS, IN_PROGRESS_VALUE,
                            OWNER, AttributeValue.fromS(lease.owner()),
                            LEASE_UNTIL, n(now + properties.lease().toMillis()),
                            EXPIRES_AT_EPOCH, n((now + properties.retention().toMillis()) / 1000)))
                    .conditionExpression(
                        "attribute_not_exists(#key) OR #expires < :nowEpoch"
                            + " OR (#status = :inProgress AND #lease < :now)")
                    .expressionAttributeNames(
                        Map.of(
                            "#key", KEY,
                            "#status", STATUS,
                            "#lease", LEASE_UNTIL,
                            "#expires", EXPIRES_AT_EPOCH))
                    .expressionAttributeValues(
                        Map.of(
                            ":nowEpoch", n(now / 1000),
                            ":now", n(now),
                            ":inProgress", IN_PROGRESS_VALUE)));
        return Claim.CLAIMED;
      } catch (ConditionalCheckFailedException e) {
        Map<String, AttributeValue> item =
            dynamo
                .getItem(
                    b ->
                        b.tableName(properties.dedupeTable())
                            .key(Map.of(KEY, key(lease)))
                            .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
          continue; // released or expired meanwhile: try again
        }
        return DONE.equals(item.get(STATUS).s()) ? Claim.DONE : Claim.BUSY;
      }
    }
    return Claim.BUSY;
  }

  @Override
  public boolean extend(Lease lease) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(properties.dedupeTable())
                  .key(Map.of(KEY, key(lease)))
                  .updateExpression("SET #lease = :until")
                  .conditionExpression(HELD_BY_OWNER)
                  .expressionAttributeNames(
                      Map.of("#status", STATUS, "#owner", OWNER, "#lease", LEASE_UNTIL))
                  .expressionAttributeValues(
                      Map.of(
                          ":until", n(clock.millis() + properties.lease().toMillis()),
                          ":inProgress", IN_PROGRESS_VALUE,
                          ":owner", AttributeValue.fromS(lease.owner()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Overwrites the record as done (the lease goes, the retention starts now) if the owner holds it:
   * with a conditional PutItem when there are no effects, else in one TransactWriteItems with the
   * effects, the done record last (its client request token is the owner token, so the SDK's
   * retries of a transaction that committed are idempotent).
   */
  @Override
  public void complete(Lease lease, List<TransactWriteItem> effects) {
    long now = clock.millis();
    Put done =
        Put.builder()
            .tableName(properties.dedupeTable())
            .item(
                Map.of(
                    KEY, key(lease),
                    STATUS, DONE_VALUE,
                    EXPIRES_AT_EPOCH, n((now + properties.retention().toMillis()) / 1000)))
            .conditionExpression(HELD_BY_OWNER)
            .expressionAttributeNames(OWNER_NAMES)
            .expressionAttributeValues(ownerValues(lease))
            .build();
    if (effects.isEmpty()) {
      try {
        dynamo.putItem(
            b ->
                b.tableName(done.tableName())
                    .item(done.item())
                    .conditionExpression(done.conditionExpression())
                    .expressionAttributeNames(done.expressionAttributeNames())
                    .expressionAttributeValues(done.expressionAttributeValues()));
      } catch (ConditionalCheckFailedException e) {
        throw new LeaseLostException(lease.key(), e);
      }
      return;
    }
    List<TransactWriteItem> items = new ArrayList<>(effects);
    items.add(TransactWriteItem.builder().put(done).build());
    try {
      dynamo.transactWriteItems(b -> b.transactItems(items).clientRequestToken(lease.owner()));
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (reasons.size() == items.size()
          && "ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1).code())) {
        throw new LeaseLostException(lease.key(), e);
      }
      throw e;
    }
  }

  @Override
  public void release(Lease lease) {
    try {
      dynamo.deleteItem(
          b ->
              b.tableName(properties.dedupeTable())
                  .key(Map.of(KEY, key(lease)))
                  .conditionExpression(HELD_BY_OWNER)
                  .expressionAttributeNames(OWNER_NAMES)
                  .expressionAttributeValues(ownerValues(lease)));
    } catch (ConditionalCheckFailedException e) {
      // done, gone, or taken over by another delivery: not ours to free
    }
  }

  private static AttributeValue key(Lease lease) {
    return AttributeValue.fromS(lease.key());
  }

  private static Map<String, AttributeValue> ownerValues(Lease lease) {
    return Map.of(":inProgress", IN_PROGRESS_VALUE, ":owner", AttributeValue.fromS(lease.owner()));
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
