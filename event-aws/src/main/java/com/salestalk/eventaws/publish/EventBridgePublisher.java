package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.InvalidEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes to EventBridge (docs/ARCHITECTURE.md: envelope, reliability): validates strictly first,
 * maps {@code Source = salestalk.<source>}, {@code DetailType = eventType}, {@code Detail =
 * envelope JSON} on the configured bus, has the entries sent within EventBridge's limits ({@link
 * PutEventsBatcher}: selective retries for {@link #publish}, one attempt for {@link
 * #publishPrepared}, never the SDK's retries), and reports every event as published, rejected or
 * failed, in the result and in {@link PublishMetrics}.
 *
 * <p>Thread-safe.
 */
public final class EventBridgePublisher implements EventPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

  private final String busName;
  private final EventValidator validator = EventValidator.strict();
  private final PutEventsBatcher batcher;
  private final PutEventsBatcher.Limits retrying;
  private final PublishMetrics metrics;

  /**
   * A publisher that sleeps between retries with random jitter.
   *
   * @param client the EventBridge client
   * @param properties the bus and the retry policy
   * @param metrics the publish meters
   */
  public EventBridgePublisher(
      EventBridgeClient client, PublisherProperties properties, PublishMetrics metrics) {
    this(
        client,
        properties,
        metrics,
        Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** A publisher with injected waiting and randomness, for tests. */
  EventBridgePublisher(
      EventBridgeClient client,
      PublisherProperties properties,
      PublishMetrics metrics,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.busName = properties.busName();
    this.batcher =
        new PutEventsBatcher(
            Objects.requireNonNull(client, "client"),
            Objects.requireNonNull(sleeper, "sleeper"),
            Objects.requireNonNull(random, "random"));
    this.retrying = PutEventsBatcher.Limits.retrying(properties.retry());
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public PublishResult publish(List<EventEnvelope> events) {
    List<PreparedEvent> valid = new ArrayList<>(events.size());
    List<RejectedEvent> rejected = new ArrayList<>();
    for (EventEnvelope event : events) {
      try {
        valid.add(PreparedEvent.of(event, validator.requireValid(event)));
      } catch (InvalidEventException e) {
        RejectedEvent r =
            new RejectedEvent(
                event.eventId() == null ? null : event.eventId().toString(),
                event.eventType() == null ? null : event.eventType().toString(),
                event.source(),
                e.violations());
        rejected.add(r);
        metrics.rejected(r.eventType(), r.source());
        LOG.warn("rejected event {} ({}): {}", r.eventId(), r.eventType(), e.getMessage());
      }
    }
    PublishResult sent = send(valid, retrying);
    for (FailedEvent f : sent.failed()) {
      metrics.failed(f.eventType(), f.source());
    }
    return new PublishResult(sent.published(), rejected, sent.failed());
  }

  @Override
  public PublishResult publishPrepared(
      List<PreparedEvent> events, Duration callTimeout, Instant deadline) {
    return send(events, PutEventsBatcher.Limits.once(callTimeout, deadline));
  }

  private PublishResult send(List<PreparedEvent> events, PutEventsBatcher.Limits limits) {
    if (events.isEmpty()) {
      return new PublishResult(List.of(), List.of(), List.of());
    }
    long start = System.nanoTime();
    List<PutEventsBatcher.Entry> entries = new ArrayList<>(events.size());
    for (PreparedEvent event : events) {
      entries.add(new PutEventsBatcher.Entry(event, entry(event)));
    }
    PutEventsBatcher.Outcome outcome = batcher.send(entries, limits);
    List<String> published = new ArrayList<>(outcome.accepted().size());
    for (PutEventsBatcher.Accepted accepted : outcome.accepted()) {
      PreparedEvent event = accepted.event();
      published.add(event.eventId());
      metrics.published(event.eventType(), event.source(), 1);
      metrics.billableChunks(event.eventType(), EntrySize.billableChunks(accepted.size()));
    }
    long elapsed = System.nanoTime() - start;
    Set<String> sources = new LinkedHashSet<>();
    for (PreparedEvent event : events) {
      sources.add(event.source());
    }
    for (String source : sources) {
      metrics.latency(source, elapsed);
    }
    return new PublishResult(published, List.of(), outcome.failed());
  }

  private PutEventsRequestEntry entry(PreparedEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source())
        .detailType(event.eventType())
        .detail(event.json())
        .build();
  }
}
