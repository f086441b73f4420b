package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.InvalidEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The producer side of the transactional outbox (docs/ARCHITECTURE.md#reliability): a service's own
 * writes and one outbox entry per event go to DynamoDB in one {@code TransactWriteItems}, so the
 * state change and its events are stored together or not at all. {@link OutboxRelay} publishes the
 * entries later.
 *
 * <p>Every event is validated strictly first; an invalid event is counted as rejected and nothing
 * is written. Thread-safe.
 */
public final class Outbox {

  /** Items per {@code TransactWriteItems} call that DynamoDB accepts. */
  public static final int MAX_TRANSACTION_ITEMS = 100;

  private final DynamoDbClient dynamo;
  private final OutboxRepository repository;
  private final EventValidator validator = EventValidator.strict();
  private final PublishMetrics metrics;
  private final Clock clock;

  /**
   * @param dynamo the DynamoDB client
   * @param properties the outbox table, e.g. {@code local-outbox}, and its write shards
   * @param metrics counts rejected events
   * @param clock gives {@code createdAt}
   */
  public Outbox(
      DynamoDbClient dynamo, OutboxProperties properties, PublishMetrics metrics, Clock clock) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.repository =
        new OutboxRepository(
            dynamo, Objects.requireNonNull(properties.table(), "table"), properties.shards(), null);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The outbox table's name. */
  public String tableName() {
    return repository.tableName();
  }

  /**
   * Writes {@code ownItems} and an outbox entry for each event in one transaction.
   *
   * @param ownItems the service's own writes (puts, updates, condition checks ...), may be empty
   * @param events the events to publish once the transaction has committed
   * @throws InvalidEventException if an event breaks its contract; nothing is written
   * @throws IllegalArgumentException if the transaction would exceed {@value
   *     #MAX_TRANSACTION_ITEMS} items
   * @throws software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException if a
   *     condition of the transaction failed; nothing is written
   */
  public void write(List<TransactWriteItem> ownItems, List<EventEnvelope> events) {
    int total = ownItems.size() + events.size();
    if (total > MAX_TRANSACTION_ITEMS) {
      throw new IllegalArgumentException(
          "a transaction holds at most "
              + MAX_TRANSACTION_ITEMS
              + " items; got "
              + ownItems.size()
              + " own items and "
              + events.size()
              + " events");
    }
    if (total == 0) {
      return;
    }
    List<TransactWriteItem> items = new ArrayList<>(total);
    items.addAll(ownItems);
    for (EventEnvelope event : events) {
      items.add(entryFor(event));
    }
    dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
  }

  /**
   * The outbox entry for one event, for callers that build their own transaction: a put of a {@code
   * PENDING} entry, in the write shard of its eventId, that fails if an entry with this eventId
   * exists.
   *
   * @param event the event
   * @return the transaction item
   * @throws InvalidEventException if the event breaks its contract
   */
  public TransactWriteItem entryFor(EventEnvelope event) {
    String json;
    try {
      json = validator.requireValid(event);
    } catch (InvalidEventException e) {
      metrics.rejected(
          event.eventType() == null ? null : event.eventType().toString(), event.source());
      throw e;
    }
    return repository.newEntry(PreparedEvent.of(event, json), clock.millis());
  }
}
