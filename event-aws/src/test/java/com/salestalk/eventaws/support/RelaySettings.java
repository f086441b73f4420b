package com.salestalk.eventaws.support;

import com.salestalk.eventaws.outbox.OutboxProperties;
import java.time.Duration;

/** Relay settings for tests that build a relay themselves. */
public final class RelaySettings {

  private RelaySettings() {}

  /**
   * The values {@code salestalk.outbox.relay.*} defaults to (run every second, 100 entries per run,
   * 60 s lease, 20 attempts with backoff from 1 s to 5 min, gauges every 10 s over at most 10,000
   * entries), written out.
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
        20,
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        10_000);
  }
}
