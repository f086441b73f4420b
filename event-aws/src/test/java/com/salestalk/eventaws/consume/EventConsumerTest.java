package com.salestalk.eventaws.consume;

import static com.salestalk.testsupport.TestEvents.eventBridgeBody;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventaws.consume.ConsumeOutcome.Status;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.ValidationMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventConsumerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryDedupeStore store = new InMemoryDedupeStore();
  private final List<EventEnvelope> handled = new ArrayList<>();
  private final List<TenantProvisioned> payloads = new ArrayList<>();
  private final EventHandler<TenantProvisioned> recording =
      (event, payload) -> {
        handled.add(event);
        payloads.add(payload);
      };
  private final EventEnvelope event = EventSamples.of("tenant.provisioned.v1");
  private final Clock clock =
      Clock.fixed(event.timestamp().plus(Duration.ofMillis(1500)), ZoneOffset.UTC);

  private EventConsumer consumer(EventHandler<TenantProvisioned> handler) {
    return consumer(EventHandlers.builder().on(TenantProvisioned.class, handler).build());
  }

  private EventConsumer consumer(EventHandlers handlers) {
    return consumer(handlers, EventValidator.tolerant());
  }

  private EventConsumer consumer(EventHandlers handlers, EventValidator validator) {
    return new EventConsumer(
        new ConsumerProperties(
            "analytics",
            "local-analytics",
            "local-idempotency",
            Duration.ofSeconds(30),
            Duration.ofDays(7),
            Duration.ofMinutes(1)),
        handlers,
        validator,
        store,
        registry,
        clock);
  }

  /** The event's envelope as a tree, to edit before sending it. */
  private ObjectNode eventTree() {
    return (ObjectNode) EnvelopeJson.mapper().valueToTree(event);
  }

  /** The body EventBridge delivers for an edited tenant.provisioned.v1 envelope. */
  private static String tenantBody(ObjectNode detail) {
    return eventBridgeBody("tenant.provisioned.v1", "salestalk.tenant-onboard", detail.toString());
  }

  private double count(String name, String eventType) {
    var counter =
        registry.find(name).tag("consumer", "analytics").tag("eventType", eventType).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void unwrapsValidatesAndDispatchesToTheHandlerOfTheType() {
    ConsumeOutcome outcome = consumer(recording).consume(eventBridgeBody(event));

    assertThat(outcome)
        .isEqualTo(
            new ConsumeOutcome(
                Status.PROCESSED, event.eventId().toString(), "tenant.provisioned.v1", null));
    assertThat(handled).containsExactly(event);
    assertThat(payloads).containsExactly(EventSamples.payload(TenantProvisioned.class));
    assertThat(store.stateByKey).containsEntry("analytics#" + event.eventId(), "DONE");
    assertThat(count("salestalk.consume.processed", "tenant.provisioned.v1")).isEqualTo(1);
    var latency =
        registry
            .get("salestalk.consume.latency")
            .tag("consumer", "analytics")
            .tag("eventType", "tenant.provisioned.v1")
            .timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
  }

  @Test
  void aSecondDeliveryOfTheSameEventHasNoSecondEffect() {
    EventConsumer consumer = consumer(recording);

    consumer.consume(eventBridgeBody(event));
    ConsumeOutcome second = consumer.consume(eventBridgeBody(event));

    assertThat(second.status()).isEqualTo(Status.DUPLICATE);
    assertThat(handled).hasSize(1);
    assertThat(count("salestalk.consume.duplicate", "tenant.provisioned.v1")).isEqualTo(1);
    assertThat(count("salestalk.consume.processed", "tenant.provisioned.v1")).isEqualTo(1);
  }

  @Test
  void aFailingHandlerReleasesTheLeaseAndThrowsSoSqsRedelivers() {
    EventConsumer consumer =
        consumer(
            (e, payload) -> {
              throw new IllegalStateException("database down");
            });

    assertThatThrownBy(() -> consumer.consume(eventBridgeBody(event)))
        .isInstanceOf(EventHandlingException.class)
        .hasMessage(
            "analytics failed to handle tenant.provisioned.v1 "
                + event.eventId()
                + ": java.lang.IllegalStateException: database down")
        .hasCauseInstanceOf(IllegalStateException.class);
    String key = "analytics#" + event.eventId();
    assertThat(store.calls).containsExactly("claim " + key, "release " + key);
    assertThat(store.stateByKey).doesNotContainKey(key);
    assertThat(count("salestalk.consume.failed", "tenant.provisioned.v1")).isEqualTo(1);
  }

  @Test
  void anUnprocessableEventIsInvalidWithTheHandlersReasonAndItsLeaseReleased() {
    EventConsumer consumer =
        consumer(
            EventHandlers.builder()
                .onTransactional(
                    TenantProvisioned.class,
                    (e, payload, effects) -> {
                      effects.add(TransactWriteItem.builder().build());
                      throw new UnprocessableEventException("row 7 is not a JSON object");
                    })
                .build());

    ConsumeOutcome outcome = consumer.consume(eventBridgeBody(event));

    assertThat(outcome)
        .isEqualTo(
            new ConsumeOutcome(
                Status.INVALID,
                event.eventId().toString(),
                "tenant.provisioned.v1",
                "row 7 is not a JSON object"));
    String key = "analytics#" + event.eventId();
    assertThat(store.calls).containsExactly("claim " + key, "release " + key);
    assertThat(store.stateByKey).doesNotContainKey(key);
    assertThat(count("salestalk.consume.invalid", "tenant.provisioned.v1")).isEqualTo(1);
    assertThat(count("salestalk.consume.failed", "tenant.provisioned.v1")).isZero();
  }

  @Test
  void anEventLeasedByAnotherDeliveryIsLeftForRedelivery() {
    store.stateByKey.put("analytics#" + event.eventId(), "owner-of-another-delivery");

    assertThatThrownBy(() -> consumer(recording).consume(eventBridgeBody(event)))
        .isInstanceOf(EventInProgressException.class)
        .hasMessage(
            "event analytics#"
                + event.eventId()
                + " is being processed by another delivery; leaving it for redelivery");
    assertThat(handled).isEmpty();
  }

  @Test
  void aTransactionalHandlersWritesAreCommittedWithTheDoneRecord() {
    TransactWriteItem write =
        TransactWriteItem.builder().put(p -> p.tableName("local-tenant-reports")).build();
    EventConsumer consumer =
        consumer(
            EventHandlers.builder()
                .onTransactional(
                    TenantProvisioned.class, (e, payload, effects) -> effects.add(write))
                .build());

    ConsumeOutcome outcome = consumer.consume(eventBridgeBody(event));

    assertThat(outcome.status()).isEqualTo(Status.PROCESSED);
    String key = "analytics#" + event.eventId();
    assertThat(store.calls).containsExactly("claim " + key, "complete " + key);
    assertThat(store.committed).containsExactly(write);
    assertThat(store.stateByKey).containsEntry(key, "DONE");
  }

  @Test
  void theHeartbeatKeepsTheLeaseWhileTheHandlerRunsAndStopsBeforeTheCompletion() {
    String key = "analytics#" + event.eventId();
    List<Boolean> extensions = new ArrayList<>();
    Heartbeat heartbeat =
        extendLease -> {
          store.calls.add("heartbeat started");
          extensions.add(extendLease.getAsBoolean());
          return () -> store.calls.add("heartbeat stopped");
        };

    ConsumeOutcome outcome =
        consumer((e, payload) -> store.calls.add("handler"))
            .consume(eventBridgeBody(event), heartbeat);

    assertThat(outcome.status()).isEqualTo(Status.PROCESSED);
    assertThat(extensions).containsExactly(true);
    assertThat(store.calls)
        .containsExactly(
            "claim " + key,
            "heartbeat started",
            "extend " + key,
            "handler",
            "heartbeat stopped",
            "complete " + key);
  }

  @Test
  void aCompletionAfterTheLeaseWasTakenOverThrowsWithoutReleasingTheNewOwnersLease() {
    String key = "analytics#" + event.eventId();
    EventConsumer consumer =
        consumer((e, payload) -> store.stateByKey.put(key, "owner-of-the-delivery-that-took-over"));

    assertThatThrownBy(() -> consumer.consume(eventBridgeBody(event)))
        .isInstanceOf(LeaseLostException.class)
        .hasMessage(
            "the lease of "
                + key
                + " passed to another delivery; this delivery's effect was not"
                + " written");
    assertThat(store.calls).containsExactly("claim " + key, "complete " + key);
    assertThat(store.stateByKey).containsEntry(key, "owner-of-the-delivery-that-took-over");
    assertThat(count("salestalk.consume.processed", "tenant.provisioned.v1")).isZero();
  }

  @Test
  void aCompletionThatFailsReleasesTheLeaseAndThrowsSoSqsRedelivers() {
    String key = "analytics#" + event.eventId();
    store.completionFailure = new IllegalStateException("an effect's condition failed");
    EventConsumer consumer = consumer(recording);

    assertThatThrownBy(() -> consumer.consume(eventBridgeBody(event)))
        .isInstanceOf(EventHandlingException.class)
        .hasMessage(
            "analytics failed to handle tenant.provisioned.v1 "
                + event.eventId()
                + ": java.lang.IllegalStateException: an effect's condition failed");
    assertThat(store.calls).containsExactly("claim " + key, "complete " + key, "release " + key);
    assertThat(store.stateByKey).doesNotContainKey(key);
    assertThat(count("salestalk.consume.failed", "tenant.provisioned.v1")).isEqualTo(1);
  }

  @Test
  void aGarbageBodyIsInvalid() {
    ConsumeOutcome outcome = consumer(recording).consume("this is not json");

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.eventType()).isEqualTo("unknown");
    assertThat(outcome.reason())
        .isEqualTo(
            "not valid JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false') (line 1, column 1)");
    assertThat(count("salestalk.consume.invalid", "unknown")).isEqualTo(1);
    assertThat(store.calls).isEmpty();
  }

  @Test
  void aJsonBodyThatIsNoEventBridgeEventIsInvalid() {
    ConsumeOutcome outcome = consumer(recording).consume("{\"hello\":\"world\"}");

    assertThat(outcome.reason())
        .isEqualTo(
            "not an EventBridge event: needs string fields detail-type and source and a detail");
  }

  @Test
  void anInvalidEnvelopeIsInvalidWithTheValidatorsMessages() {
    ObjectNode detail = eventTree();
    detail.remove("tenantId");
    ConsumeOutcome outcome = consumer(recording).consume(tenantBody(detail));

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.eventId()).isEqualTo(event.eventId().toString());
    assertThat(outcome.eventType()).isEqualTo("tenant.provisioned.v1");
    assertThat(outcome.reason())
        .isEqualTo("invalid event: /: required property 'tenantId' not found");
    assertThat(handled).isEmpty();
  }

  @Test
  void aNewerRevisionWithAnOptionalFieldTheRecordDoesNotKnowStillBindsAndReachesTheHandler() {
    ObjectNode detail = eventTree();
    detail.put("eventVersion", "1.1");
    ((ObjectNode) detail.get("data")).put("billingContact", "ops@acme.test");
    detail.put("region", "eu-west-1");

    ConsumeOutcome outcome = consumer(recording).consume(tenantBody(detail));

    assertThat(outcome.status()).isEqualTo(Status.PROCESSED);
    assertThat(payloads).containsExactly(EventSamples.payload(TenantProvisioned.class));
    assertThat(handled.get(0).eventVersion().toString()).isEqualTo("1.1");
  }

  /**
   * A revision 1.1 of classification.performed.v1 (test resource) that lets {@code period.start} be
   * any string: its events pass a validator that knows 1.1, yet the 1.0 record cannot bind them.
   */
  @Test
  void dataTheSchemaAcceptsButTheRecordCannotBindIsInvalidWithThePreciseReason() {
    ObjectNode detail =
        (ObjectNode)
            EnvelopeJson.mapper().valueToTree(EventSamples.of("classification.performed.v1"));
    detail.put("eventVersion", "1.1");
    ((ObjectNode) detail.at("/data/entities/period")).put("start", "next quarter");
    List<ClassificationPerformed> bound = new ArrayList<>();
    EventHandlers handlers =
        EventHandlers.builder()
            .on(ClassificationPerformed.class, (e, payload) -> bound.add(payload))
            .build();

    ConsumeOutcome outcome =
        consumer(handlers, validatorKnowingRevision("classification.performed.v1", "1.1"))
            .consume(
                eventBridgeBody(
                    "classification.performed.v1", "salestalk.chat-handler", detail.toString()));

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.reason())
        .isEqualTo(
            "classification.performed.v1 data does not bind to ClassificationPerformed at"
                + " /entities/period/start: Cannot deserialize value of type `java.time.LocalDate`"
                + " from String \"next quarter\": Failed to deserialize `java.time.LocalDate`"
                + " (with format 'Value(Year,4,10,EXCEEDS_PAD)'-'Value(MonthOfYear,2)'"
                + "-'Value(DayOfMonth,2)'): (java.time.format.DateTimeParseException) Text"
                + " 'next quarter' could not be parsed at index 0");
    assertThat(bound).isEmpty();
    assertThat(store.calls).isEmpty();
    assertThat(count("salestalk.consume.invalid", "classification.performed.v1")).isEqualTo(1);
  }

  /** A tolerant validator over the standard catalog with {@code type} at {@code revision}. */
  private static EventValidator validatorKnowingRevision(String type, String revision) {
    ObjectNode catalog =
        (ObjectNode) EnvelopeJson.readResource(EventCatalog.RESOURCE).orElseThrow();
    for (JsonNode entry : catalog.get("events")) {
      if (entry.get("type").asString().equals(type)) {
        ((ObjectNode) entry).put("revision", revision);
      }
    }
    return new EventValidator(
        EventCatalog.read(new ByteArrayInputStream(catalog.toString().getBytes(UTF_8))),
        Clock.systemUTC(),
        ValidationMode.TOLERANT);
  }

  @Test
  void aDetailTypeThatDisagreesWithTheEnvelopeIsInvalid() {
    ConsumeOutcome outcome =
        consumer(recording)
            .consume(
                eventBridgeBody(
                    "metrics.ingested.v1", "salestalk.tenant-onboard", EnvelopeJson.toJson(event)));

    assertThat(outcome.reason())
        .isEqualTo(
            "detail-type 'metrics.ingested.v1' does not match eventType 'tenant.provisioned.v1'");
  }

  @Test
  void aSourceThatDisagreesWithTheEnvelopeIsInvalid() {
    ConsumeOutcome outcome =
        consumer(recording)
            .consume(
                eventBridgeBody(
                    "tenant.provisioned.v1", "salestalk.chat-handler", EnvelopeJson.toJson(event)));

    assertThat(outcome.reason())
        .isEqualTo("source 'salestalk.chat-handler' does not match 'salestalk.tenant-onboard'");
  }

  @Test
  void aValidEventWithoutAHandlerIsInvalid() {
    EventEnvelope other = EventSamples.of("metrics.ingested.v1");

    ConsumeOutcome outcome = consumer(recording).consume(eventBridgeBody(other));

    assertThat(outcome.reason())
        .isEqualTo("consumer analytics has no handler for event type metrics.ingested.v1");
    assertThat(count("salestalk.consume.invalid", "metrics.ingested.v1")).isEqualTo(1);
  }

  @Test
  void anUnknownDetailTypeIsTaggedUnknown() {
    ConsumeOutcome outcome =
        consumer(recording)
            .consume(eventBridgeBody("x".repeat(50), "salestalk.evil", EnvelopeJson.toJson(event)));

    assertThat(outcome.eventType()).isEqualTo("unknown");
    assertThat(count("salestalk.consume.invalid", "unknown")).isEqualTo(1);
  }

  @Test
  void deeplyNestedJsonIsInvalidWithoutExhaustingTheStack() {
    String hostile = "{\"detail\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    ConsumeOutcome outcome = consumer(recording).consume(hostile);

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.reason()).isEqualTo("JSON nests deeper than 32 levels");
    assertThat(store.calls).isEmpty();
  }

  @Test
  void anOversizedBodyIsInvalid() {
    ObjectNode detail = eventTree();
    ((ObjectNode) detail.get("data")).put("name", "n".repeat(300_000));

    ConsumeOutcome outcome = consumer(recording).consume(tenantBody(detail));

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.reason()).isEqualTo("a string is longer than 262144 characters");
    assertThat(handled).isEmpty();
  }

  @Test
  void aNumberBeyondSixtyFourBitsIsInvalidNotAHandlerFailure() {
    String body = tenantBody(eventTree()).replace("\"name\":\"", "\"seats\":1e300,\"name\":\"");

    ConsumeOutcome outcome = consumer(recording).consume(body);

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.reason())
        .isEqualTo(
            "invalid event: /data/seats: number 1.0E300 is outside the signed 64-bit range"
                + " contract numbers must fit");
    assertThat(handled).isEmpty();
    assertThat(store.calls).isEmpty();
  }

  @Test
  void anEventFromAServiceThatDoesNotProduceItsTypeIsInvalid() {
    ObjectNode detail = eventTree();
    detail.put("source", "chat-handler");

    ConsumeOutcome outcome =
        consumer(recording)
            .consume(
                eventBridgeBody(
                    "tenant.provisioned.v1", "salestalk.chat-handler", detail.toString()));

    assertThat(outcome.status()).isEqualTo(Status.INVALID);
    assertThat(outcome.reason())
        .isEqualTo(
            "invalid event: /source: tenant.provisioned.v1 is produced by tenant-onboard, not by 'chat-handler'");
    assertThat(handled).isEmpty();
    assertThat(store.calls).isEmpty();
  }
}
