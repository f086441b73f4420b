package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.outbox.OutboxRepository.ClaimedEntry;
import com.salestalk.eventaws.outbox.OutboxRepository.Lease;
import com.salestalk.eventaws.outbox.OutboxRepository.PendingBySource;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.FailedEvent;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventaws.publish.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Publishes outbox entries (docs/ARCHITECTURE.md#reliability, docs/event-aws.md#outbox), at least
 * once. Each run looks for due entries shard by shard (starting after the shard of its last run),
 * takes the first shard that has some with a lease (a conditional write with a fresh token, so
 * while a lease holds no other relay publishes that shard's entries), reads the due entries
 * consistently, publishes them through the {@link EventPublisher} (one attempt each: this relay
 * owns the retries), deletes the published ones, gives retryable failures a later attempt
 * (exponential backoff with full jitter) and parks the others, and those out of attempts, as {@code
 * FAILED}, counted in {@code salestalk.publish.failed}; then it releases the lease.
 *
 * <p>No call outlives the lease: every AWS call has the {@code call-timeout}, publishing stops when
 * the lease has one call timeout left, and a relay whose lease has run out writes nothing more to
 * the entries (another relay may hold the shard by then) and releases nothing but its own token.
 * Every bit of state lives in the outbox table, so a restarted relay carries on where the last one
 * stopped; a relay that dies mid-run frees its shard when the lease ends, and the entries it had
 * published but not deleted are published again.
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
  private int nextShard;

  /**
   * @param dynamo the DynamoDB client
   * @param publisher publishes the claimed entries
   * @param properties the outbox table, its shards and the relay's settings
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
            Objects.requireNonNull(properties.table(), "table"),
            properties.shards(),
            properties.relay().callTimeout()),
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
    this.backlog = new OutboxBacklog(registry, clock, metrics.tags());
    // relays started together begin on different shards
    this.nextShard = (int) (random.getAsDouble() * repository.shards());
  }

  /** This relay's id, as written to the leases it holds. */
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
   * Publishes up to {@link OutboxProperties.Relay#batchSize()} due entries of the first shard, from
   * where the last run stopped, that has due entries and no other relay's lease.
   *
   * @return what the run did; nothing claimed when no shard had due entries free to take
   */
  public RelayRun runOnce() {
    int shards = repository.shards();
    for (int i = 0; i < shards; i++) {
      int shard = (nextShard + i) % shards;
      long now = clock.millis();
      List<String> due = repository.dueIds(shard, now, settings.batchSize());
      if (due.isEmpty()) {
        continue;
      }
      Optional<Lease> lease = repository.acquire(shard, relayId(), now, settings.lease());
      if (lease.isEmpty()) {
        continue; // another relay is publishing this shard
      }
      nextShard = (shard + 1) % shards;
      RelayRun run;
      try {
        run = publish(lease.get(), due);
      } finally {
        release(lease.get());
      }
      if (run.claimed() > 0) {
        return run;
      } // else the index was behind the table: try the next shard
    }
    return new RelayRun(0, 0, 0, 0);
  }

  private RelayRun publish(Lease lease, List<String> dueIds) {
    long now = clock.millis();
    List<ClaimedEntry> claimed = repository.readDue(dueIds, now);
    if (claimed.isEmpty()) {
      return new RelayRun(0, 0, 0, 0);
    }
    Map<String, ClaimedEntry> byId = new LinkedHashMap<>();
    for (ClaimedEntry entry : claimed) {
      byId.put(entry.event().eventId(), entry);
    }
    // publishing ends one call timeout before the lease does, which leaves time for the deletes
    Instant deadline =
        Instant.now()
            .plusMillis(lease.until() - settings.callTimeout().toMillis() - clock.millis());
    PublishResult result = publish(claimed.stream().map(ClaimedEntry::event).toList(), deadline);
    if (!mayWrite(lease)) {
      LOG.warn(
          "outbox relay {}: the lease on shard {} ran out while publishing; its {} entries are"
              + " left to the next holder (published ones will be published again)",
          relayId(),
          lease.shard(),
          claimed.size());
      return new RelayRun(claimed.size(), result.published().size(), 0, 0);
    }
    List<String> published = new ArrayList<>(result.published().size());
    for (String id : result.published()) {
      if (byId.remove(id) != null) {
        published.add(id);
      }
    }
    int undeleted = repository.delete(published);
    if (undeleted > 0) {
      LOG.warn(
          "outbox relay {}: {} published entries could not be deleted and will be published again",
          relayId(),
          undeleted);
    }
    int retried = 0;
    int parked = 0;
    for (FailedEvent failure : failures(result, byId)) {
      ClaimedEntry entry = byId.get(failure.eventId());
      if (entry == null) {
        continue;
      }
      if (!mayWrite(lease)) {
        break; // the rest stay due for the next holder of the shard
      }
      if (retryOrPark(entry, failure, now)) {
        retried++;
      } else {
        parked++;
      }
    }
    return new RelayRun(claimed.size(), published.size(), retried, parked);
  }

  /** Whether a write started now ends (within the call timeout) before the lease does. */
  private boolean mayWrite(Lease lease) {
    return clock.millis() + settings.callTimeout().toMillis() <= lease.until();
  }

  private void release(Lease lease) {
    try {
      if (!repository.release(lease)) {
        LOG.info(
            "outbox relay {}: the lease on shard {} had run out and been taken meanwhile",
            relayId(),
            lease.shard());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "outbox relay {}: releasing shard {} failed ({}); it is free when the lease ends",
          relayId(),
          lease.shard(),
          e.toString());
    }
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

  /**
   * Publishes once, before {@code deadline}; a publisher that throws fails every event retryably.
   */
  private PublishResult publish(List<PreparedEvent> events, Instant deadline) {
    try {
      return publisher.publishPrepared(events, settings.callTimeout(), deadline);
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
    boolean unchanged =
        retryLater
            ? repository.retryLater(
                entry, attempts, now + retry.backoff(attempts, random).toMillis(), failure.error())
            : repository.park(entry, attempts, failure.error());
    if (!unchanged) {
      LOG.info("outbox entry {} was changed by another relay meanwhile", failure.eventId());
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
