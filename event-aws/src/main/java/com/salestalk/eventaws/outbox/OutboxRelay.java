package com.salestalk.eventaws.outbox;

import static com.salestalk.eventaws.outbox.Outbox.n;
import static com.salestalk.eventaws.outbox.Outbox.s;

import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.FailedEvent;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Publishes outbox entries (docs/ARCHITECTURE.md#reliability). Each run claims due {@code PENDING}
 * entries oldest first through the {@code status-createdAt} index with a conditional update (a
 * lease: {@code claimedBy}, {@code claimUntil}), so several relays can run side by side without
 * publishing an entry twice while its lease holds; publishes them through the {@link
 * EventPublisher}; deletes the published ones; gives retryable failures a later {@code
 * nextAttemptAt} (exponential backoff with full jitter) and parks the others, and those out of
 * attempts, as {@code FAILED}, counted in {@code salestalk.publish.failed}. Every bit of state
 * lives in DynamoDB, so a restarted relay carries on where the last one stopped; a relay that dies
 * mid-run frees its claims when the lease ends.
 *
 * <p>{@link #start()} runs it every {@link OutboxRelaySettings#interval()} on its own thread;
 * {@link #stop()} lets the current run finish.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int MAX_QUERY_PAGES = 10;
  private static final int MAX_BATCHES_PER_TICK = 20;
  private static final int MAX_ERROR_LENGTH = 1000;

  private static final Map<String, String> QUERY_NAMES =
      Map.of(
          "#id", OutboxTable.ID,
          "#status", OutboxTable.STATUS,
          "#next", OutboxTable.NEXT_ATTEMPT_AT,
          "#claimUntil", OutboxTable.CLAIM_UNTIL);

  private static final Map<String, String> CLAIM_NAMES =
      Map.of(
          "#id", OutboxTable.ID,
          "#status", OutboxTable.STATUS,
          "#next", OutboxTable.NEXT_ATTEMPT_AT,
          "#claimedBy", OutboxTable.CLAIMED_BY,
          "#claimUntil", OutboxTable.CLAIM_UNTIL);

  private static final String DUE =
      "#next <= :now AND (attribute_not_exists(#claimUntil) OR #claimUntil < :now)";

  private final DynamoDbClient dynamo;
  private final EventPublisher publisher;
  private final OutboxRelaySettings settings;
  private final PublishMetrics metrics;
  private final OutboxBacklog backlog;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor;
  private volatile boolean stopping;
  private volatile long lastBacklogRefresh = Long.MIN_VALUE;

  /**
   * @param dynamo the DynamoDB client
   * @param publisher publishes the claimed entries
   * @param settings table, lease, batch size, retries, schedule
   * @param metrics publish meters (failed count, tag values)
   * @param registry where the backlog gauges go
   * @param clock the time source for leases, backoff and ages
   */
  public OutboxRelay(
      DynamoDbClient dynamo,
      EventPublisher publisher,
      OutboxRelaySettings settings,
      PublishMetrics metrics,
      MeterRegistry registry,
      Clock clock) {
    this(
        dynamo,
        publisher,
        settings,
        metrics,
        registry,
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  OutboxRelay(
      DynamoDbClient dynamo,
      EventPublisher publisher,
      OutboxRelaySettings settings,
      PublishMetrics metrics,
      MeterRegistry registry,
      Clock clock,
      DoubleSupplier random) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = random;
    this.backlog = new OutboxBacklog(registry, clock, metrics);
  }

  /** This relay's id, as written to {@code claimedBy}. */
  public String relayId() {
    return settings.relayId();
  }

  /**
   * Claims up to {@link OutboxRelaySettings#batchSize()} due entries and publishes them.
   *
   * @return what the run did
   */
  public RelayRun runOnce() {
    long now = clock.millis();
    List<Map<String, AttributeValue>> claimed = claim(now);
    if (claimed.isEmpty()) {
      return new RelayRun(0, 0, 0, 0);
    }
    Map<String, Map<String, AttributeValue>> byId = new LinkedHashMap<>();
    List<PreparedEvent> events = new ArrayList<>(claimed.size());
    for (Map<String, AttributeValue> item : claimed) {
      String id = item.get(OutboxTable.ID).s();
      byId.put(id, item);
      events.add(
          new PreparedEvent(
              id,
              item.get(OutboxTable.EVENT_TYPE).s(),
              item.get(OutboxTable.SOURCE).s(),
              item.get(OutboxTable.PAYLOAD).s()));
    }
    PublishResult result;
    try {
      result = publisher.publishPrepared(events);
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
      result = new PublishResult(List.of(), List.of(), failed);
    }
    for (String id : result.published()) {
      dynamo.deleteItem(
          DeleteItemRequest.builder()
              .tableName(settings.tableName())
              .key(Map.of(OutboxTable.ID, s(id)))
              .build());
    }
    Set<String> reported = new HashSet<>(result.published());
    List<FailedEvent> failures = new ArrayList<>(result.failed());
    for (FailedEvent failure : failures) {
      reported.add(failure.eventId());
    }
    for (Map.Entry<String, Map<String, AttributeValue>> claimedEntry : byId.entrySet()) {
      if (!reported.contains(claimedEntry.getKey())) {
        Map<String, AttributeValue> item = claimedEntry.getValue();
        failures.add(
            new FailedEvent(
                claimedEntry.getKey(),
                item.get(OutboxTable.EVENT_TYPE).s(),
                item.get(OutboxTable.SOURCE).s(),
                "NotReported",
                "the publisher reported nothing for this entry",
                true,
                0));
      }
    }
    int retried = 0;
    int parked = 0;
    for (FailedEvent failure : failures) {
      Map<String, AttributeValue> item = byId.get(failure.eventId());
      if (item == null) {
        continue;
      }
      if (retryOrPark(item, failure, now)) {
        retried++;
      } else {
        parked++;
      }
    }
    return new RelayRun(claimed.size(), result.published().size(), retried, parked);
  }

  /** Recomputes the backlog gauges from the PENDING entries (at most the scan limit). */
  public void refreshBacklog() {
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> oldest = new HashMap<>();
    Map<String, AttributeValue> startKey = null;
    int seen = 0;
    do {
      QueryResponse page =
          dynamo.query(
              QueryRequest.builder()
                  .tableName(settings.tableName())
                  .indexName(OutboxTable.STATUS_INDEX)
                  .keyConditionExpression("#status = :pending")
                  .projectionExpression("#source, #createdAt")
                  .expressionAttributeNames(
                      Map.of(
                          "#status", OutboxTable.STATUS,
                          "#source", OutboxTable.SOURCE,
                          "#createdAt", OutboxTable.CREATED_AT))
                  .expressionAttributeValues(Map.of(":pending", s(OutboxTable.PENDING)))
                  .limit(Math.min(1000, settings.backlogScanLimit() - seen))
                  .exclusiveStartKey(startKey)
                  .build());
      for (Map<String, AttributeValue> item : page.items()) {
        String source =
            item.containsKey(OutboxTable.SOURCE) ? item.get(OutboxTable.SOURCE).s() : "";
        counts.merge(source, 1L, Long::sum);
        if (item.containsKey(OutboxTable.CREATED_AT)) {
          oldest.merge(source, Long.parseLong(item.get(OutboxTable.CREATED_AT).n()), Math::min);
        }
      }
      seen += page.items().size();
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null && !startKey.isEmpty() && seen < settings.backlogScanLimit());
    backlog.update(counts, oldest);
    lastBacklogRefresh = clock.millis();
  }

  /** PENDING entries of {@code source} at the last {@link #refreshBacklog()}. */
  public long backlog(String source) {
    return backlog.count(source);
  }

  /** Age in seconds of the oldest PENDING entry of {@code source}; 0 when none. */
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
    QueryResponse page =
        dynamo.query(
            QueryRequest.builder()
                .tableName(settings.tableName())
                .indexName(OutboxTable.STATUS_INDEX)
                .keyConditionExpression("#status = :failed")
                .projectionExpression("#id")
                .expressionAttributeNames(
                    Map.of("#status", OutboxTable.STATUS, "#id", OutboxTable.ID))
                .expressionAttributeValues(Map.of(":failed", s(OutboxTable.FAILED)))
                .limit(limit)
                .build());
    int requeued = 0;
    long now = clock.millis();
    for (Map<String, AttributeValue> item : page.items()) {
      try {
        dynamo.updateItem(
            UpdateItemRequest.builder()
                .tableName(settings.tableName())
                .key(Map.of(OutboxTable.ID, item.get(OutboxTable.ID)))
                .updateExpression("SET #status = :pending, #attempts = :zero, #next = :now")
                .conditionExpression("#status = :failed")
                .expressionAttributeNames(
                    Map.of(
                        "#status", OutboxTable.STATUS,
                        "#attempts", OutboxTable.ATTEMPTS,
                        "#next", OutboxTable.NEXT_ATTEMPT_AT))
                .expressionAttributeValues(
                    Map.of(
                        ":pending", s(OutboxTable.PENDING),
                        ":failed", s(OutboxTable.FAILED),
                        ":zero", n(0),
                        ":now", n(now)))
                .build());
        requeued++;
      } catch (ConditionalCheckFailedException e) {
        // requeued or deleted meanwhile
      }
    }
    return requeued;
  }

  /** Starts running every {@link OutboxRelaySettings#interval()}; does nothing if running. */
  public void start() {
    synchronized (lifecycle) {
      if (executor != null) {
        return;
      }
      stopping = false;
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "outbox-relay-" + settings.relayId());
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info(
          "outbox relay {} started on {} every {}",
          settings.relayId(),
          settings.tableName(),
          settings.interval());
    }
  }

  /** Whether {@link #start()} was called and {@link #stop()} not since. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return executor != null;
    }
  }

  /** Stops scheduling and waits (up to the lease) for the current run to finish. */
  public void stop() {
    ScheduledExecutorService running;
    synchronized (lifecycle) {
      running = executor;
      executor = null;
      stopping = true;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("outbox relay {} stopped", settings.relayId());
  }

  @Override
  public void close() {
    stop();
  }

  private void tick() {
    try {
      for (int i = 0; i < MAX_BATCHES_PER_TICK && !stopping; i++) {
        RelayRun run = runOnce();
        if (run.claimed() < settings.batchSize()) {
          break;
        }
      }
      if (!stopping
          && clock.millis() - lastBacklogRefresh >= settings.backlogRefresh().toMillis()) {
        refreshBacklog();
      }
    } catch (RuntimeException e) {
      LOG.warn("outbox relay {} run failed: {}", settings.relayId(), e.toString());
    }
  }

  private List<Map<String, AttributeValue>> claim(long now) {
    List<String> candidates = candidates(now);
    List<Map<String, AttributeValue>> claimed = new ArrayList<>(candidates.size());
    Map<String, AttributeValue> values =
        Map.of(
            ":me", s(settings.relayId()),
            ":until", n(now + settings.lease().toMillis()),
            ":pending", s(OutboxTable.PENDING),
            ":now", n(now));
    for (String id : candidates) {
      try {
        claimed.add(
            dynamo
                .updateItem(
                    UpdateItemRequest.builder()
                        .tableName(settings.tableName())
                        .key(Map.of(OutboxTable.ID, s(id)))
                        .updateExpression("SET #claimedBy = :me, #claimUntil = :until")
                        .conditionExpression(
                            "attribute_exists(#id) AND #status = :pending AND " + DUE)
                        .expressionAttributeNames(CLAIM_NAMES)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .build())
                .attributes());
      } catch (ConditionalCheckFailedException e) {
        // another relay claimed it, or it was published meanwhile
      }
    }
    return claimed;
  }

  private List<String> candidates(long now) {
    List<String> ids = new ArrayList<>(settings.batchSize());
    Map<String, AttributeValue> startKey = null;
    int pages = 0;
    do {
      QueryResponse page =
          dynamo.query(
              QueryRequest.builder()
                  .tableName(settings.tableName())
                  .indexName(OutboxTable.STATUS_INDEX)
                  .keyConditionExpression("#status = :pending")
                  .filterExpression(DUE)
                  .projectionExpression("#id")
                  .expressionAttributeNames(QUERY_NAMES)
                  .expressionAttributeValues(
                      Map.of(":pending", s(OutboxTable.PENDING), ":now", n(now)))
                  .limit(Math.max(settings.batchSize(), 25))
                  .exclusiveStartKey(startKey)
                  .build());
      for (Map<String, AttributeValue> item : page.items()) {
        if (ids.size() < settings.batchSize()) {
          ids.add(item.get(OutboxTable.ID).s());
        }
      }
      pages++;
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (ids.size() < settings.batchSize()
        && startKey != null
        && !startKey.isEmpty()
        && pages < MAX_QUERY_PAGES);
    return ids;
  }

  /** Returns {@code true} if the entry will be retried, {@code false} if it was parked. */
  private boolean retryOrPark(Map<String, AttributeValue> item, FailedEvent failure, long now) {
    int attempts = Integer.parseInt(item.get(OutboxTable.ATTEMPTS).n()) + 1;
    String error = truncate(failure.error());
    boolean retry = failure.retryable() && attempts < settings.retry().maxAttempts();
    Map<String, String> names = new HashMap<>();
    names.put("#attempts", OutboxTable.ATTEMPTS);
    names.put("#lastError", OutboxTable.LAST_ERROR);
    names.put("#claimedBy", OutboxTable.CLAIMED_BY);
    names.put("#claimUntil", OutboxTable.CLAIM_UNTIL);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":attempts", n(attempts));
    values.put(":error", s(error));
    values.put(":me", s(settings.relayId()));
    String update;
    if (retry) {
      Duration backoff = settings.retry().backoff(attempts, random);
      names.put("#next", OutboxTable.NEXT_ATTEMPT_AT);
      values.put(":next", n(now + backoff.toMillis()));
      update =
          "SET #attempts = :attempts, #next = :next, #lastError = :error"
              + " REMOVE #claimedBy, #claimUntil";
    } else {
      names.put("#status", OutboxTable.STATUS);
      values.put(":failed", s(OutboxTable.FAILED));
      update =
          "SET #status = :failed, #attempts = :attempts, #lastError = :error"
              + " REMOVE #claimedBy, #claimUntil";
    }
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(settings.tableName())
              .key(Map.of(OutboxTable.ID, item.get(OutboxTable.ID)))
              .updateExpression(update)
              .conditionExpression("#claimedBy = :me")
              .expressionAttributeNames(names)
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException e) {
      LOG.info("outbox entry {} was claimed by another relay meanwhile", failure.eventId());
      return true;
    }
    if (!retry) {
      metrics.failed(failure.eventType(), failure.source());
      LOG.warn(
          "outbox entry {} ({}) parked as FAILED after {} attempts: {}",
          failure.eventId(),
          failure.eventType(),
          attempts,
          error);
    }
    return retry;
  }

  private static String truncate(String s) {
    return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
  }
}
