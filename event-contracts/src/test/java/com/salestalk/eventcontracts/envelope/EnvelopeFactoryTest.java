package com.salestalk.eventcontracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.MessageId;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeFactoryTest {

  private static final ClassificationPerformed CLASSIFICATION =
      new ClassificationPerformed(
          new MessageId("msg-1"),
          "How did revenue do last quarter?",
          Intent.TREND_ANALYSIS,
          0.92,
          null,
          new Component("keyword-intent", "1.0.0"),
          12);

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-26T10:15:30.123456Z"), ZoneOffset.UTC);
  private final EnvelopeFactory factory =
      new EnvelopeFactory("chat-handler", clock, EventCatalog.standard());

  @Test
  void stampsIdTimestampSourceAndCurrentRevision() {
    EventEnvelope event = factory.create(TenantId.of("tenant-acme"), CLASSIFICATION, Flow.start());

    assertThat(event.eventId()).isNotNull();
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
    assertThat(event.source()).isEqualTo("chat-handler");
    assertThat(event.eventVersion()).isEqualTo(new Revision(1, 0));
    assertThat(event.tenantId().value()).isEqualTo("tenant-acme");
    assertThat(EnvelopeJson.toJson(event)).contains("\"timestamp\":\"2026-11-26T10:15:30.123Z\"");
  }

  @Test
  void everyEventGetsItsOwnId() {
    EventEnvelope first = factory.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start());
    EventEnvelope second = factory.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start());

    assertThat(first.eventId()).isNotEqualTo(second.eventId());
    assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
  }

  @Test
  void carriesTheCorrelationIdOfAnOngoingFlow() {
    UUID correlation = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    EventEnvelope event =
        factory.create(
            EventSamples.SAMPLE_TENANT,
            CLASSIFICATION,
            Flow.continuing(correlation)
                .withTrace("1-abc")
                .withUser("user-bob")
                .withSession("session-9"));

    assertThat(event.metadata()).isEqualTo(new EventMetadata(correlation, null, "1-abc"));
    assertThat(event.userId()).isEqualTo("user-bob");
    assertThat(event.sessionId()).isEqualTo("session-9");
  }

  @Test
  void anEventCausedByAnotherSharesItsFlowAndNamesItsCause() {
    EventEnvelope classification =
        factory.create(
            EventSamples.SAMPLE_TENANT,
            CLASSIFICATION,
            Flow.start().withUser("user-alice").withSession("session-s1").withTrace("1-xyz"));

    EventEnvelope narrative =
        factory.create(
            EventSamples.SAMPLE_TENANT,
            EventSamples.payload(NarrativeGenerated.class),
            Flow.causedBy(classification));

    assertThat(narrative.correlationId()).isEqualTo(classification.correlationId());
    assertThat(narrative.metadata().causationId()).isEqualTo(classification.eventId());
    assertThat(narrative.metadata().traceId()).isEqualTo("1-xyz");
    assertThat(narrative.userId()).isEqualTo("user-alice");
    assertThat(narrative.sessionId()).isEqualTo("session-s1");
  }

  @Test
  void builtEventsAreValidAndRoundTripThroughJson() {
    EventEnvelope event = factory.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start());

    String json = EventValidator.strict().requireValid(event);

    assertThat(EnvelopeJson.fromTree(EnvelopeJson.mapper().readTree(json))).isEqualTo(event);
  }

  @Test
  void takesTheTypeFromThePayloadRecordAndItsDataFromTheRecordsJson() {
    EventEnvelope event = factory.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start());

    assertThat(event.eventType()).isEqualTo(EventType.parse("classification.performed.v1"));
    assertThat(event.data().toString())
        .isEqualTo(
            "{\"messageId\":\"msg-1\",\"utterance\":\"How did revenue do last quarter?\","
                + "\"intent\":\"trend_analysis\",\"confidence\":0.92,"
                + "\"classifier\":{\"name\":\"keyword-intent\",\"version\":\"1.0.0\"},"
                + "\"latencyMs\":12}");
    assertThat(event.payload(ClassificationPerformed.class)).isEqualTo(CLASSIFICATION);
  }

  @Test
  void readingAPayloadOfAnotherTypeFailsNamingBothTypes() {
    EventEnvelope event = factory.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start());

    assertThatThrownBy(() -> event.payload(NarrativeGenerated.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "event "
                + event.eventId()
                + " is classification.performed.v1, not narrative.generated.v1"
                + " (NarrativeGenerated)");
  }

  @Test
  void refusesAnUnknownSource() {
    assertThatThrownBy(() -> new EnvelopeFactory("billing", clock, EventCatalog.standard()))
        .hasMessage(
            "unknown source 'billing'; the catalog has [chat-handler, metrics-handler, tenant-onboard, test-harness]");
  }

  @Test
  void refusesATypeMissingFromItsCatalog() {
    EventCatalog withoutClassification =
        EventCatalog.read(
            new ByteArrayInputStream(
                """
                {"sources": ["chat-handler"], "consumers": [], "events": []}
                """
                    .getBytes(StandardCharsets.UTF_8)));
    EnvelopeFactory narrow = new EnvelopeFactory("chat-handler", clock, withoutClassification);

    assertThatThrownBy(
            () -> narrow.create(EventSamples.SAMPLE_TENANT, CLASSIFICATION, Flow.start()))
        .hasMessage("event type classification.performed.v1 is not in the catalog");
  }

  @Test
  void tenantIdsMustHaveTheTenantPrefix() {
    assertThatThrownBy(() -> TenantId.of("acme"))
        .hasMessage("tenant id must match tenant-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  }
}
