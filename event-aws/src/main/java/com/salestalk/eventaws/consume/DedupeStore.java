package com.salestalk.eventaws.consume;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Remembers which events a consumer has handled, with a lease while one is being handled. Every
 * lease has an owner, a token fresh for each delivery: only the owner can extend, complete or
 * release it, so a delivery whose lease passed to another one changes nothing.
 */
interface DedupeStore {

  /** The result of trying to take an event. */
  enum Claim {
    /** This delivery holds the lease and should handle the event. */
    CLAIMED,
    /** The event was handled before; skip it. */
    DONE,
    /** Another delivery holds an unexpired lease. */
    BUSY
  }

  /**
   * The lease one delivery asks for.
   *
   * @param key the idempotency key, {@code {consumer}#{eventId}}
   * @param owner the delivery's token
   */
  record Lease(String key, String owner) {

    /** A lease of {@code key} with a fresh owner token. */
    static Lease fresh(String key) {
      return new Lease(key, UUID.randomUUID().toString());
    }
  }

  /** Takes the lease unless the event is done or leased by another unexpired owner. */
  Claim claim(Lease lease);

  /** Extends the lease by its duration from now if its owner still holds it; false if lost. */
  boolean extend(Lease lease);

  /**
   * Marks the event done and writes {@code effects} with it, all or nothing, if the lease's owner
   * still holds it.
   *
   * @param effects the handler's writes, at most {@link Effects#MAX_ITEMS}
   * @throws LeaseLostException if another owner holds the lease or the event is done: nothing was
   *     written
   * @throws RuntimeException DynamoDB's exception when an effect's own condition failed or the
   *     request failed (nothing was written unless the request's outcome is unknown)
   */
  void complete(Lease lease, List<TransactWriteItem> effects);

  /** Gives the lease up, if its owner still holds it, so a redelivery can handle it at once. */
  void release(Lease lease);
}
