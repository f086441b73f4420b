package com.salestalk.eventaws.consume;

import com.salestalk.eventaws.consume.ConsumeOutcome.Status;
import com.salestalk.eventaws.consume.DedupeStore.Lease;
import com.salestalk.eventaws.metrics.CatalogTags;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Handles one SQS message body the way every SalesTalk consumer must (docs/ARCHITECTURE.md:
 * envelope, reliability): unwraps the EventBridge event ({@code detail-type}, {@code source},
 * {@code detail}), validates {@code detail} as a tolerant reader, checks that {@code detail-type}
 * and {@code source} agree with it, binds {@code data} to the payload record of the type's handler,
 * takes the dedupe lease {@code {consumer}#{eventId}} with a fresh owner token, calls the handler
 * (its heartbeat keeping the lease meanwhile) and commits the handler's {@link Effects} with the
 * done record in one transaction conditioned on the owner token.
 *
 * <p>Outcomes: {@link Status#PROCESSED}; {@link Status#DUPLICATE} (already done, handler not
 * called); {@link Status#INVALID} (belongs in the DLQ: not an event, invalid, no handler for its
 * type, data that does not bind to the record, or a handler that threw {@link
 * UnprocessableEventException}). A failing handler or completion releases the lease and {@link
 * EventHandlingException} is thrown so the message is redelivered; a lease held by another delivery
 * throws {@link EventInProgressException}, a lease lost before the completion {@link
 * LeaseLostException}. Thread-safe.
 */
public final class EventConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

  private final String consumer;
  private final EventHandlers handlers;
  private final EventValidator validator;
  private final DedupeStore dedupe;
  private final ConsumeMetrics metrics;
  private final CatalogTags tags = new CatalogTags(EventCatalog.standard());
  private final Clock clock;

  /**
   * A consumer that dedupes in the DynamoDB table {@link ConsumerProperties#dedupeTable()}.
   *
   * @param properties consumer name, dedupe table, lease and retention
   * @param handlers the handlers by event type
   * @param dynamo the DynamoDB client
   * @param registry where the consume metrics go
   * @param clock the time source for leases and latency
   */
  public EventConsumer(
      ConsumerProperties properties,
      EventHandlers handlers,
      DynamoDbClient dynamo,
      MeterRegistry registry,
      Clock clock) {
    this(
        properties,
        handlers,
        EventValidator.tolerant(),
        new DynamoDbDedupeStore(dynamo, properties, clock),
        registry,
        clock);
  }

  EventConsumer(
      ConsumerProperties properties,
      EventHandlers handlers,
      EventValidator validator,
      DedupeStore dedupe,
      MeterRegistry registry,
      Clock clock) {
    this.consumer = properties.name();
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.dedupe = Objects.requireNonNull(dedupe, "dedupe");
    this.metrics = new ConsumeMetrics(registry, consumer);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The consumer's name. */
  String consumer() {
    return consumer;
  }

  /**
   * Handles one message body, without a heartbeat: the handler must finish within the lease.
   *
   * @param body the SQS message body, an EventBridge event
   * @return processed, duplicate or invalid
   * @throws EventHandlingException if the handler or the completion failed (nothing of the effect
   *     was written, lease released; SQS will redeliver)
   * @throws EventInProgressException if another delivery holds the event's lease
   * @throws LeaseLostException if the lease passed to another delivery before the completion
   *     (nothing of the effect was written; SQS will redeliver)
   */
  public ConsumeOutcome consume(String body) {
    return consume(body, Heartbeat.NONE);
  }

  /** Handles one message body, keeping its delivery alive with {@code heartbeat} meanwhile. */
  ConsumeOutcome consume(String body, Heartbeat heartbeat) {
    JsonNode message;
    try {
      message = EnvelopeJson.mapper().readTree(body);
    } catch (JacksonException e) {
      return invalid(null, null, EventValidator.parseFailure(e));
    }
    if (message == null || !message.isObject()) {
      return invalid(null, null, "not an EventBridge event: the body is not a JSON object");
    }
    JsonNode detailType = message.get("detail-type");
    JsonNode source = message.get("source");
    JsonNode detail = message.get("detail");
    String typeText = detailType != null && detailType.isString() ? detailType.asString() : null;
    if (typeText == null || source == null || !source.isString() || detail == null) {
      return invalid(
          null,
          typeText,
          "not an EventBridge event: needs string fields detail-type and source and a detail");
    }
    String eventId = text(detail, "eventId");
    List<Violation> violations = validator.validateTree(detail);
    if (!violations.isEmpty()) {
      return invalid(
          eventId,
          typeText,
          "invalid event: "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    String eventType = text(detail, "eventType");
    if (!typeText.equals(eventType)) {
      return invalid(
          eventId,
          typeText,
          "detail-type '" + typeText + "' does not match eventType '" + eventType + "'");
    }
    String expectedSource = EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + text(detail, "source");
    if (!expectedSource.equals(source.asString())) {
      return invalid(
          eventId,
          eventType,
          "source '" + source.asString() + "' does not match '" + expectedSource + "'");
    }
    EventHandlers.Registration<?> registration = handlers.find(eventType).orElse(null);
    if (registration == null) {
      return invalid(
          eventId,
          eventType,
          "consumer " + consumer + " has no handler for event type " + eventType);
    }
    EventEnvelope event;
    try {
      event = EnvelopeJson.fromTree(detail);
    } catch (RuntimeException e) {
      return invalid(eventId, eventType, "cannot read the envelope: " + e.getMessage());
    }
    EventPayload payload;
    try {
      payload = registration.bind(event);
    } catch (IllegalArgumentException e) {
      // valid by the schema, yet the record refuses it: no redelivery would change that
      return invalid(eventId, eventType, e.getMessage());
    }
    Lease lease = Lease.fresh(consumer + "#" + eventId);
    switch (dedupe.claim(lease)) {
      case DONE -> {
        metrics.duplicate(eventType);
        LOG.debug("{}: duplicate {} skipped", consumer, lease.key());
        return new ConsumeOutcome(Status.DUPLICATE, eventId, eventType, null);
      }
      case BUSY -> throw new EventInProgressException(lease.key());
      case CLAIMED -> {
        // handle below
      }
    }
    Effects effects = new Effects();
    try (Heartbeat.Beats beats = heartbeat.start(() -> dedupe.extend(lease))) {
      registration.handle(event, payload, effects);
    } catch (UnprocessableEventException e) {
      // no redelivery would change that: dead-letter now, and leave the event claimable for a
      // redrive
      dedupe.release(lease);
      return invalid(eventId, eventType, e.getMessage());
    } catch (Exception e) {
      throw failed(lease, eventId, eventType, e);
    }
    try {
      dedupe.complete(lease, effects.items());
    } catch (LeaseLostException e) {
      LOG.warn("{}: {}; leaving the message for redelivery", consumer, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // an effect's own condition failed, or DynamoDB did: nothing was written (if the outcome
      // is unknown and it was, the release changes nothing and the redelivery is a duplicate)
      throw failed(lease, eventId, eventType, e);
    }
    metrics.processed(eventType, Duration.between(event.timestamp(), clock.instant()));
    return new ConsumeOutcome(Status.PROCESSED, eventId, eventType, null);
  }

  private EventHandlingException failed(
      Lease lease, String eventId, String eventType, Exception e) {
    dedupe.release(lease);
    metrics.failed(eventType);
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new EventHandlingException(
        consumer + " failed to handle " + eventType + " " + eventId + ": " + e, e);
  }

  private ConsumeOutcome invalid(String eventId, String eventType, String reason) {
    String tag = tags.eventType(eventType);
    metrics.invalid(tag);
    LOG.warn("{}: invalid message (event {}): {}", consumer, eventId, reason);
    return new ConsumeOutcome(Status.INVALID, eventId, tag, reason);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }
}
