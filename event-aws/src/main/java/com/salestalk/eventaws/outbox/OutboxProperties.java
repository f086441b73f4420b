package com.salestalk.eventaws.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.outbox.*}: the transactional outbox; nothing is defined unless {@code table} is
 * set.
 *
 * @param table the outbox table, e.g. {@code local-outbox}
 * @param relay the relay that publishes its entries
 */
@ConfigurationProperties(OutboxProperties.PREFIX)
public record OutboxProperties(String table, @DefaultValue Relay relay) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.outbox";

  /**
   * {@code salestalk.outbox.relay.*}.
   *
   * @param enabled run a relay in this application (default {@code true})
   * @param instanceId the relay's {@code claimedBy} (default: host name and a random suffix)
   * @param interval pause between runs (default 1 s)
   * @param batchSize entries per run (default 100)
   * @param lease claim duration (default 60 s)
   * @param maxAttempts attempts before an entry is parked (default 20)
   * @param baseDelay first backoff cap (default 1 s)
   * @param maxDelay largest backoff cap (default 5 min)
   * @param backlogRefresh how often the backlog gauges are recomputed (default 10 s)
   * @param backlogScanLimit most entries read for the gauges (default 10,000)
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      String instanceId,
      @DefaultValue("1s") Duration interval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("20") int maxAttempts,
      @DefaultValue("1s") Duration baseDelay,
      @DefaultValue("5m") Duration maxDelay,
      @DefaultValue("10s") Duration backlogRefresh,
      @DefaultValue("10000") int backlogScanLimit) {}
}
