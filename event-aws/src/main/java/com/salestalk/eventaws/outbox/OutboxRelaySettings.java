package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.publish.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link OutboxRelay} works.
 *
 * @param tableName the outbox table
 * @param relayId this relay instance, written to {@code claimedBy}
 * @param interval pause between relay runs
 * @param batchSize entries claimed and published per run (at most 100 recommended)
 * @param lease how long a claim holds; a relay that dies mid-run frees its entries after it
 * @param retry attempts before an entry is parked as {@code FAILED}, and the backoff that sets
 *     {@code nextAttemptAt}
 * @param backlogRefresh how often the backlog gauges are recomputed (one paged GSI query)
 * @param backlogScanLimit most PENDING entries read to compute the gauges
 */
public record OutboxRelaySettings(
    String tableName,
    String relayId,
    Duration interval,
    int batchSize,
    Duration lease,
    RetryPolicy retry,
    Duration backlogRefresh,
    int backlogScanLimit) {

  /** Checks the values. */
  public OutboxRelaySettings {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(relayId, "relayId");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(backlogRefresh, "backlogRefresh");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (backlogScanLimit < 1) {
      throw new IllegalArgumentException("backlogScanLimit must be at least 1");
    }
  }

  /**
   * Defaults for a table: run every second, 100 entries per run, 60 s lease, 20 attempts with
   * backoff capped at 1 s doubling to 5 min (about an hour of EventBridge outage before an entry is
   * parked), gauges every 10 s over at most 10,000 entries.
   */
  public static OutboxRelaySettings defaults(String tableName, String relayId) {
    return new OutboxRelaySettings(
        tableName,
        relayId,
        Duration.ofSeconds(1),
        100,
        Duration.ofSeconds(60),
        new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(5)),
        Duration.ofSeconds(10),
        10_000);
  }
}
