package com.salestalk.eventaws.support;

import com.salestalk.eventaws.outbox.OutboxProperties;
import java.time.Duration;

/** Relay settings for tests that build a relay themselves. */
public final class RelaySettings {

  private RelaySettings() {}

  /**
   * The values {@code salestalk.outbox.relay.*} defaults to (run every second, 100 entries per run,
   * 60 s lease, 5 s call timeout, 20 attempts with backoff from 1 s to 5 min, gauges every 10 s
   * over at most 10,000 entries), written out.
   *
   * @param instanceId the relay's id
   */
  public static OutboxProperties.Relay standard(String instanceId) {
    return new OutboxProperties.Relay(
        true,
        instanceId,
        Duration.ofSeconds(1),
        100,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        20,
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        10_000);
  }

  /**
   * A relay for tests that let it run on its schedule: every 20 ms, {@code batchSize} entries per
   * run, a 30 s lease, 2 s call timeout, {@code maxAttempts} attempts.
   *
   * @param instanceId the relay's id
   */
  public static OutboxProperties.Relay quick(String instanceId, int batchSize, int maxAttempts) {
    return scheduled(
        instanceId, batchSize, Duration.ofSeconds(30), Duration.ofSeconds(2), maxAttempts);
  }

  /**
   * A relay whose lease runs out quickly, for tests of a relay that stalls or dies mid-run: {@code
   * lease} with a call timeout of a third of it, 100 entries per run, 5 attempts.
   *
   * @param instanceId the relay's id
   * @param lease how long it holds a shard
   */
  public static OutboxProperties.Relay shortLease(String instanceId, Duration lease) {
    return scheduled(instanceId, 100, lease, lease.dividedBy(3), 5);
  }

  /**
   * A relay that runs every 20 ms, backs off from 20 ms to 100 ms and recomputes its gauges every
   * second over at most 1,000 entries.
   *
   * @param instanceId the relay's id
   * @param batchSize entries per run
   * @param lease how long it holds a shard
   * @param callTimeout the longest one AWS call may take
   * @param maxAttempts attempts before an entry is parked
   */
  public static OutboxProperties.Relay scheduled(
      String instanceId, int batchSize, Duration lease, Duration callTimeout, int maxAttempts) {
    return new OutboxProperties.Relay(
        true,
        instanceId,
        Duration.ofMillis(20),
        batchSize,
        lease,
        callTimeout,
        maxAttempts,
        Duration.ofMillis(20),
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        1000);
  }
}
