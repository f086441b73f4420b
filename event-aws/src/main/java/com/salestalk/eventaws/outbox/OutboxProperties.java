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
 * @param shards how many write shards the waiting entries are spread over (an entry's shard comes
 *     from its eventId); fixed for a table: every producer and relay of the table must use the same
 *     value (docs/event-aws.md#outbox)
 * @param relay the relay that publishes the table's entries
 */
@ConfigurationProperties(OutboxProperties.PREFIX)
public record OutboxProperties(
    @DefaultValue("false") boolean enabled,
    String table,
    @DefaultValue("8") int shards,
    @DefaultValue Relay relay) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.outbox";

  /** The most write shards: a relay queries each of them when it looks for due entries. */
  public static final int MAX_SHARDS = 100;

  /** Checks that an enabled outbox names its table and that the shard count is usable. */
  public OutboxProperties {
    if (enabled && (table == null || table.isBlank())) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output OutboxTableName,"
              + " salestalk.aws.outbox-table-name)");
    }
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException(
          PREFIX + ".shards must be between 1 and " + MAX_SHARDS + ", got " + shards);
    }
  }

  /**
   * {@code salestalk.outbox.relay.*}. The defaults park an entry only after about an hour of
   * EventBridge outage (20 attempts, backoff capped at 1 s doubling to 5 min).
   *
   * @param enabled whether to run a relay in this application
   * @param instanceId this relay's id, written to the shard leases it holds; when unset, the host
   *     name and a random suffix
   * @param interval pause between relay runs
   * @param batchSize entries claimed and published per run
   * @param lease how long a relay holds a shard; a relay that dies mid-run frees the shard after it
   * @param callTimeout the longest one AWS call of the relay may take (SDK {@code apiCallTimeout};
   *     each attempt gets half); at most a third of the lease
   * @param maxAttempts attempts before an entry is parked as FAILED
   * @param baseDelay the first backoff cap of nextAttemptAt (exponential backoff with full jitter)
   * @param maxDelay the largest backoff cap
   * @param backlogRefresh how often the backlog gauges are recomputed (index queries of the shards)
   * @param backlogScanLimit most PENDING entries read to compute the gauges
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      String instanceId,
      @DefaultValue("1s") Duration interval,
      @DefaultValue("100") int batchSize,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("5s") Duration callTimeout,
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
      if (callTimeout == null
          || callTimeout.toMillis() < 2
          || lease == null
          || lease.compareTo(callTimeout.multipliedBy(3)) < 0) {
        throw new IllegalArgumentException(
            PREFIX
                + ".relay.call-timeout must be positive and at most a third of .lease, got "
                + callTimeout
                + " and "
                + lease);
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
