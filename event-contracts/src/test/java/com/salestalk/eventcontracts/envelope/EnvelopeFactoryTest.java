package com.salestalk.eventcontracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeFactoryTest {

  private static final EventType CLASSIFIED = EventType.parse("classification.performed.v1");
  private static final EventType NARRATED = EventType.parse("narrative.generated.v1");

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-26T10:15:30.123456Z"), ZoneOffset.UTC);
  private final EnvelopeFactory factory =
      new EnvelopeFactory("chat-handler", clock, EventCatalog.standard());

  @Test
  void stampsIdTimestampSourceAndCurrentRevision() {
    EventEnvelope event =
        factory.create(
            CLASSIFIED, TenantId.of("tenant-acme"), EventSamples.data(CLASSIFIED), Flow.start());

    assertThat(event.eventId()).isNotNull();
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
    assertThat(event.source()).isEqualTo("chat-handler");
    assertThat(event.eventVersion()).isEqualTo(new Revision(1, 0));
    assertThat(event.tenantId().value()).isEqualTo("tenant-acme");
    assertThat(EnvelopeJson.toJson(event)).contains("\"timestamp\":\"2026-11-26T10:15:30.123Z\"");
  }

  @Test
  void everyEventGetsItsOwnId() {
    EventEnvelope first =
        factory.create(
            CLASSIFIED, EventSamples.SAMPLE_TENANT, EventSamples.data(CLASSIFIED), Flow.start());
    EventEnvelope second =
        factory.create(
            CLASSIFIED, EventSamples.SAMPLE_TENANT, EventSamples.data(CLASSIFIED), Flow.start());

    assertThat(first.eventId()).isNotEqualTo(second.eventId());
    assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
  }

  @Test
  void carriesTheCorrelationIdOfAnOngoingFlow() {
    UUID correlation = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    EventEnvelope event =
        factory.create(
            CLASSIFIED,
            EventSamples.SAMPLE_TENANT,
            EventSamples.data(CLASSIFIED),
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
            CLASSIFIED,
            EventSamples.SAMPLE_TENANT,
            EventSamples.data(CLASSIFIED),
            Flow.start().withUser("user-alice").withSession("session-s1").withTrace("1-xyz"));

    EventEnvelope narrative =
        factory.create(
            NARRATED,
            EventSamples.SAMPLE_TENANT,
            EventSamples.data(NARRATED),
            Flow.causedBy(classification));

    assertThat(narrative.correlationId()).isEqualTo(classification.correlationId());
    assertThat(narrative.metadata().causationId()).isEqualTo(classification.eventId());
    assertThat(narrative.metadata().traceId()).isEqualTo("1-xyz");
    assertThat(narrative.userId()).isEqualTo("user-alice");
    assertThat(narrative.sessionId()).isEqualTo("session-s1");
  }

  @Test
  void builtEventsAreValidAndRoundTripThroughJson() {
    EventEnvelope event =
        factory.create(
            CLASSIFIED, EventSamples.SAMPLE_TENANT, EventSamples.data(CLASSIFIED), Flow.start());

    String json = EventValidator.strict().requireValid(event);

    assertThat(EnvelopeJson.fromTree(EnvelopeJson.mapper().readTree(json))).isEqualTo(event);
  }

  @Test
  void refusesAnUnknownSourceOrType() {
    assertThatThrownBy(() -> new EnvelopeFactory("billing", clock, EventCatalog.standard()))
        .hasMessage(
            "unknown source 'billing'; the catalog has [chat-handler, metrics-handler, tenant-onboard, test-harness]");
    assertThatThrownBy(
            () ->
                factory.create(
                    EventType.parse("tenant.deleted.v1"),
                    EventSamples.SAMPLE_TENANT,
                    EventSamples.data(CLASSIFIED),
                    Flow.start()))
        .hasMessage("event type tenant.deleted.v1 is not in the catalog");
  }

  @Test
  void tenantIdsMustHaveTheTenantPrefix() {
    assertThatThrownBy(() -> TenantId.of("acme"))
        .hasMessage("tenant id must match tenant-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  }
}
