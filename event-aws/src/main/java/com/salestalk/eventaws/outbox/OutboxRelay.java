package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.outbox.OutboxRepository.ClaimedEntry;
import com.salestalk.eventaws.outbox.OutboxRepository.PendingBySource;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.FailedEvent;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventaws.publish.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Publishes outbox entries (docs/ARCHITECTURE.md#reliability). Each run claims due entries oldest
 * first (a claim is a lease, so several relays can run side by side without publishing an entry
 * twice while its lease holds), publishes them through the {@link EventPublisher}, deletes the
 * published ones, gives retryable failures a later attempt (exponential backoff with full jitter)
 * and parks the others, and those out of attempts, as {@code FAILED}, counted in {@code
 * salestalk.publish.failed}. Every bit of state lives in the outbox table, so a restarted relay
 * carries on where the last one stopped; a relay that dies mid-run frees its claims when the lease
 * ends.
 *
 * <p>This class decides what happens to each entry; the table's layout and requests are {@link
 * OutboxRepository}'s, and the schedule is the application's ({@link OutboxRelayLifecycle} in a
 * Spring application).
 */
public final class OutboxRelay {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxRepository repository;
  private final EventPublisher publisher;
  private final OutboxProperties.Relay settings;
  private final RetryPolicy retry;
  private final PublishMetrics metrics;
  private final OutboxBacklog backlog;
  private final Clock clock;
  private final DoubleSupplier random;

  /**
   * @param dynamo the DynamoDB client
   * @param publisher publishes the claimed entries
   * @param properties the outbox table and the relay's settings
   * @param metrics publish meters (failed count, tag values)
   * @param registry where the backlog gauges go
   * @param clock the time source for leases, backoff and ages
   */
  public OutboxRelay(
      DynamoDbClient dynamo,
      EventPublisher publisher,
      OutboxProperties properties,
      PublishMetrics metrics,
      MeterRegistry registry,
      Clock clock) {
    this(
        new OutboxRepository(
            Objects.requireNonNull(dynamo, "dynamo"),
            Objects.requireNonNull(properties.table(), "table")),
        publisher,
        properties.relay(),
        metrics,
        registry,
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  OutboxRelay(
      OutboxRepository repository,
      EventPublisher publisher,
      OutboxProperties.Relay settings,
      PublishMetrics metrics,
      MeterRegistry registry,
      Clock clock,
      DoubleSupplier random) {
    this.repository = repository;
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.retry = settings.retry();
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = random;
    this.backlog = new OutboxBacklog(registry, clock, metrics);
  }

  /** This relay's id, as written to {@code claimedBy}. */
  public String relayId() {
    return settings.instanceId();
  }

  OutboxProperties.Relay settings() {
    return settings;
  }

  String tableName() {
    return repository.tableName();
  }

  /**
   * Claims up to {@link OutboxProperties.Relay#batchSize()} due entries and publishes them.
   *
   * @return what the run did
   */
  public RelayRun runOnce() {
    long now = clock.millis();
    List<ClaimedEntry> claimed =
        repository.claimDue(relayId(), settings.batchSize(), now, settings.lease());
    if (claimed.isEmpty()) {
      return new RelayRun(0, 0, 0, 0);
    }
    Map<String, ClaimedEntry> byId = new LinkedHashMap<>();
    for (ClaimedEntry entry : claimed) {
      byId.put(entry.event().eventId(), entry);
    }
    PublishResult result = publish(claimed.stream().map(ClaimedEntry::event).toList());
    for (String id : result.published()) {
      ClaimedEntry entry = byId.remove(id);
      if (entry != null) {
        repository.delete(entry);
      }
    }
    int retried = 0;
    int parked = 0;
    for (FailedEvent failure : failures(result, byId)) {
      ClaimedEntry entry = byId.get(failure.eventId());
      if (entry == null) {
        continue;
      }
      if (retryOrPark(entry, failure, now)) {
        retried++;
      } else {
        parked++;
      }
    }
    return new RelayRun(claimed.size(), result.published().size(), retried, parked);
  }

  /** Recomputes the backlog gauges from the {@code PENDING} entries (at most the scan limit). */
  public void refreshBacklog() {
    PendingBySource pending = repository.pendingBySource(settings.backlogScanLimit());
    backlog.update(pending.count(), pending.oldestCreatedAt());
  }

  /** {@code PENDING} entries of {@code source} at the last {@link #refreshBacklog()}. */
  public long backlog(String source) {
    return backlog.count(source);
  }

  /** Age in seconds of the oldest {@code PENDING} entry of {@code source}; 0 when none. */
  public double oldestAgeSeconds(String source) {
    return backlog.oldestAgeSeconds(source);
  }

  /**
   * Puts up to {@code limit} parked ({@code FAILED}) entries back to {@code PENDING} with zero
   * attempts, e.g. after fixing what made EventBridge refuse them.
   *
   * @return how many were requeued
   */
  public int requeueFailed(int limit) {
    return repository.requeueFailed(limit, clock.millis());
  }

  /** Publishes; a publisher that throws fails every event retryably. */
  private PublishResult publish(List<PreparedEvent> events) {
    try {
      return publisher.publishPrepared(events);
    } catch (RuntimeException e) {
      LOG.warn("publishing {} outbox entries failed: {}", events.size(), e.toString());
      List<FailedEvent> failed = new ArrayList<>();
      for (PreparedEvent event : events) {
        failed.add(
            new FailedEvent(
                event.eventId(),
                event.eventType(),
                event.source(),
                e.getClass().getSimpleName(),
                String.valueOf(e.getMessage()),
                true,
                1));
      }
      return new PublishResult(List.of(), List.of(), failed);
    }
  }

  /**
   * The reported failures, and a retryable one for each claimed entry the publisher reported
   * nothing about ({@code unpublished} holds the claimed entries not published).
   */
  private static List<FailedEvent> failures(
      PublishResult result, Map<String, ClaimedEntry> unpublished) {
    List<FailedEvent> failures = new ArrayList<>(result.failed());
    Map<String, ClaimedEntry> unreported = new LinkedHashMap<>(unpublished);
    for (FailedEvent failure : result.failed()) {
      unreported.remove(failure.eventId());
    }
    for (ClaimedEntry entry : unreported.values()) {
      PreparedEvent event = entry.event();
      failures.add(
          new FailedEvent(
              event.eventId(),
              event.eventType(),
              event.source(),
              "NotReported",
              "the publisher reported nothing for this entry",
              true,
              0));
    }
    return failures;
  }

  /** Returns {@code true} if the entry will be retried, {@code false} if it was parked. */
  private boolean retryOrPark(ClaimedEntry entry, FailedEvent failure, long now) {
    int attempts = entry.attempts() + 1;
    boolean retryLater = failure.retryable() && attempts < retry.maxAttempts();
    boolean stillClaimed =
        retryLater
            ? repository.retryLater(
                entry, attempts, now + retry.backoff(attempts, random).toMillis(), failure.error())
            : repository.park(entry, attempts, failure.error());
    if (!stillClaimed) {
      LOG.info("outbox entry {} was claimed by another relay meanwhile", failure.eventId());
      return true;
    }
    if (!retryLater) {
      metrics.failed(failure.eventType(), failure.source());
      metrics.parked(failure.source());
      LOG.warn(
          "outbox entry {} ({}) parked as FAILED after {} attempts: {}",
          failure.eventId(),
          failure.eventType(),
          attempts,
          failure.error());
    }
    return retryLater;
  }
}
