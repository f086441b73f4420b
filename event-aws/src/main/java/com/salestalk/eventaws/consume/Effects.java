package com.salestalk.eventaws.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB writes of one handler's effect. The consumer commits them in one transaction with
 * the event's done record, on the condition that this delivery still holds the event's lease:
 * either the effect and "done" are both written, or neither is and the message comes back. Given to
 * handlers registered with {@link EventHandlers.Builder#onTransactional}.
 *
 * <p>Any table of the account and region may be written ({@code Put}, {@code Update}, {@code
 * Delete}, {@code ConditionCheck}; e.g. an {@code Outbox.entryFor} item to publish an event
 * together with the effect), except the event's own dedupe record. An item's own condition that
 * fails fails the handling: nothing is written and SQS redelivers the message.
 */
public final class Effects {

  /** The handler's items at most: a transaction holds 100 items, the done record is one. */
  public static final int MAX_ITEMS = 99;

  private final List<TransactWriteItem> items = new ArrayList<>();

  Effects() {}

  /**
   * Adds a write to the completion.
   *
   * @param item the write, e.g. {@code TransactWriteItem.builder().update(u -> ...).build()}
   * @return this
   * @throws IllegalStateException if the completion already holds {@link #MAX_ITEMS} writes of the
   *     handler (the handling fails, so the message is retried and finally dead-lettered)
   */
  public Effects add(TransactWriteItem item) {
    Objects.requireNonNull(item, "item");
    if (items.size() == MAX_ITEMS) {
      throw new IllegalStateException(
          "an effect holds at most "
              + MAX_ITEMS
              + " writes: DynamoDB commits at most 100 items in one transaction, one of them the"
              + " done record");
    }
    items.add(item);
    return this;
  }

  /** The writes added so far. */
  List<TransactWriteItem> items() {
    return List.copyOf(items);
  }
}
