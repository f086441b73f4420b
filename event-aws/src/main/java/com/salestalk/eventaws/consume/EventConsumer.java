package com.salestalk.eventaws.consume;

import com.salestalk.eventaws.consume.ConsumeOutcome.Status;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
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
 * and {@code source} agree with it, takes the idempotency lease {@code {consumer}#{eventId}},
 * dispatches to the handler of the eventType and marks the event done.
 *
 * <p>Outcomes: {@link Status#PROCESSED}; {@link Status#DUPLICATE} (already done, handler not
 * called); {@link Status#INVALID} (belongs in the DLQ). A failing handler releases the lease and
 * {@link EventHandlingException} is thrown so the message is redelivered; a lease held by another
 * delivery throws {@link EventInProgressException}. Thread-safe.
 */
public final class EventConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

  private final ConsumerSettings settings;
  private final EventHandlers handlers;
  private final EventValidator validator;
  private final IdempotencyStore idempotency;
  private final ConsumeMetrics metrics;
  private final PublishMetrics tags;
  private final Clock clock;

  /**
   * A consumer that dedupes in the DynamoDB idempotency table.
   *
   * @param settings consumer name, table, lease and retention
   * @param handlers the handlers by eventType
   * @param validator a tolerant validator
   * @param dynamo the DynamoDB client
   * @param registry where the consume metrics go
   * @param clock the time source for leases and latency
   */
  public EventConsumer(
      ConsumerSettings settings,
      EventHandlers handlers,
      EventValidator validator,
      DynamoDbClient dynamo,
      MeterRegistry registry,
      Clock clock) {
    this(
        settings,
        handlers,
        validator,
        new DynamoDbIdempotencyStore(dynamo, settings, clock),
        registry,
        clock);
  }

  EventConsumer(
      ConsumerSettings settings,
      EventHandlers handlers,
      EventValidator validator,
      IdempotencyStore idempotency,
      MeterRegistry registry,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.metrics = new ConsumeMetrics(registry, settings.consumer());
    this.tags = new PublishMetrics(registry, EventCatalog.standard());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The consumer's name. */
  public String consumer() {
    return settings.consumer();
  }

  /**
   * Handles one message body.
   *
   * @param body the SQS message body, an EventBridge event
   * @return processed, duplicate or invalid
   * @throws EventHandlingException if the handler failed (lease released; SQS will redeliver)
   * @throws EventInProgressException if another delivery holds the event's lease
   */
  public ConsumeOutcome consume(String body) {
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
    EventHandler handler = handlers.find(eventType).orElse(null);
    if (handler == null) {
      return invalid(
          eventId,
          eventType,
          "consumer " + settings.consumer() + " has no handler for event type " + eventType);
    }
    EventEnvelope event;
    try {
      event = EnvelopeJson.fromTree(detail);
    } catch (RuntimeException e) {
      return invalid(eventId, eventType, "cannot read the envelope: " + e.getMessage());
    }
    String key = settings.consumer() + "#" + eventId;
    switch (idempotency.claim(key)) {
      case DONE -> {
        metrics.duplicate(eventType);
        LOG.debug("{}: duplicate {} skipped", settings.consumer(), key);
        return new ConsumeOutcome(Status.DUPLICATE, eventId, eventType, null);
      }
      case BUSY -> throw new EventInProgressException(key);
      case CLAIMED -> {
        // handle below
      }
    }
    try {
      handler.handle(event);
    } catch (Exception e) {
      idempotency.release(key);
      metrics.failed(eventType);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new EventHandlingException(
          settings.consumer() + " failed to handle " + eventType + " " + eventId + ": " + e, e);
    }
    idempotency.complete(key);
    metrics.processed(eventType, Duration.between(event.timestamp(), clock.instant()));
    return new ConsumeOutcome(Status.PROCESSED, eventId, eventType, null);
  }

  private ConsumeOutcome invalid(String eventId, String eventType, String reason) {
    String tag = tags.eventTypeTag(eventType);
    metrics.invalid(tag);
    LOG.warn("{}: invalid message (event {}): {}", settings.consumer(), eventId, reason);
    return new ConsumeOutcome(Status.INVALID, eventId, tag, reason);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }
}
