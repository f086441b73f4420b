package com.salestalk.eventaws.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventConsumer} dedupes.
 *
 * @param consumer the consumer's name, e.g. {@code insights}; a metric tag and the key prefix
 * @param idempotencyTable the {@code {env}-idempotency} table
 * @param lease how long an {@code IN_PROGRESS} record blocks another delivery of the same event;
 *     keep it at or below the queue's visibility timeout so a crashed consumer's message can be
 *     taken over when SQS delivers it again
 * @param retention how long a {@code DONE} record is kept (its TTL)
 */
public record ConsumerSettings(
    String consumer, String idempotencyTable, Duration lease, Duration retention) {

  /** Checks the values. */
  public ConsumerSettings {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(idempotencyTable, "idempotencyTable");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(retention, "retention");
    if (consumer.isBlank() || consumer.contains("#")) {
      throw new IllegalArgumentException("consumer name must be non-blank without '#'");
    }
    if (lease.isNegative() || lease.isZero() || retention.compareTo(lease) < 0) {
      throw new IllegalArgumentException("need 0 < lease <= retention");
    }
  }

  /** 30 s lease, 7 days retention. */
  public static ConsumerSettings defaults(String consumer, String idempotencyTable) {
    return new ConsumerSettings(
        consumer, idempotencyTable, Duration.ofSeconds(30), Duration.ofDays(7));
  }
}
