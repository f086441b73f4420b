package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.publish.RetryPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.outbox.*}: the transactional outbox of an application that writes events with
 * its state. Nothing is defined unless {@code enabled} is {@code true}.
 *
 * @param enabled whether this application has an outbox: defines the Outbox and runs a relay
 * @param table the outbox table (the stack output OutboxTableName); required when enabled
 * @param relay the relay that publishes the table's entries
 */
@ConfigurationProperties(OutboxProperties.PREFIX)
public record OutboxProperties(
    @DefaultValue("false") boolean enabled, String table, @DefaultValue Relay relay) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.outbox";

  /** Checks that an enabled outbox names its table. */
  public OutboxProperties {
    if (enabled && (table == null || table.isBlank())) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output OutboxTableName,"
              + " salestalk.aws.outbox-table-name)");
    }
  }

  /**
   * {@code salestalk.outbox.relay.*}. The defaults park an entry only after about an hour of
   * EventBridge outage (20 attempts, backoff capped at 1 s doubling to 5 min).
   *
   * @param enabled whether to run a relay in this application
   * @param instanceId this relay's id, written to claimedBy; when unset, the host name and a random
   *     suffix
   * @param interval pause between relay runs
   * @param batchSize entries claimed and published per run
   * @param lease how long a claim holds; a relay that dies mid-run frees its entries after it
   * @param maxAttempts attempts before an entry is parked as FAILED
   * @param baseDelay the first backoff cap of nextAttemptAt (exponential backoff with full jitter)
   * @param maxDelay the largest backoff cap
   * @param backlogRefresh how often the backlog gauges are recomputed (one paged index query)
   * @param backlogScanLimit most PENDING entries read to compute the gauges
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
      @DefaultValue("10000") int backlogScanLimit) {

    /** Checks the values and names an unnamed relay after its host. */
    public Relay {
      if (instanceId == null || instanceId.isBlank()) {
        instanceId = hostInstanceId();
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException(
            PREFIX + ".relay.batch-size must be at least 1, got " + batchSize);
      }
      if (backlogScanLimit < 1) {
        throw new IllegalArgumentException(
            PREFIX + ".relay.backlog-scan-limit must be at least 1, got " + backlogScanLimit);
      }
      new RetryPolicy(maxAttempts, baseDelay, maxDelay); // checks the retry values
    }

    /** Attempts before an entry is parked, and the backoff that sets {@code nextAttemptAt}. */
    RetryPolicy retry() {
      return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
    }

    private static String hostInstanceId() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "relay";
      }
      return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
