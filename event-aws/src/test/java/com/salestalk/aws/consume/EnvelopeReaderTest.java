package com.salestalk.aws.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.contracts.catalog.EventCatalog;
import com.salestalk.contracts.envelope.EnvelopeJson;
import com.salestalk.contracts.envelope.EventEnvelope;
import com.salestalk.contracts.envelope.Flow;
import com.salestalk.contracts.samples.EventSamples;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeReaderTest {

  private final EnvelopeReader reader = new EnvelopeReader(EventCatalog.standard());

  @Test
  void readsEveryCatalogSampleExactlyAsJacksonBindsIt() {
    for (EventEnvelope sample : EventSamples.all()) {
      JsonNode tree = EnvelopeJson.mapper().valueToTree(sample);

      assertThat(reader.read(tree)).isEqualTo(EnvelopeJson.fromTree(tree)).isEqualTo(sample);
    }
  }

  @Test
  void readsCausationAndTraceWhenPresentAndNullsWhenAbsent() {
    EventEnvelope parent = EventSamples.of("classification.performed.v1");
    EventEnvelope child =
        EventSamples.of(
            com.salestalk.contracts.catalog.EventType.parse("narrative.generated.v1"),
            EventSamples.SAMPLE_TENANT,
            Flow.causedBy(parent).withTrace("1-abc-def"));
    EventEnvelope bare =
        EventSamples.of(
            com.salestalk.contracts.catalog.EventType.parse("tenant.provisioned.v1"),
            EventSamples.SAMPLE_TENANT,
            Flow.continuing(UUID.randomUUID()));

    assertThat(reader.read(EnvelopeJson.mapper().valueToTree(child))).isEqualTo(child);
    EventEnvelope read = reader.read(EnvelopeJson.mapper().valueToTree(bare));
    assertThat(read).isEqualTo(bare);
    assertThat(read.userId()).isNull();
    assertThat(read.metadata().causationId()).isNull();
  }

  @Test
  void readsATimestampWithAnExplicitZeroOffsetAsJacksonDoes() {
    EventEnvelope sample = EventSamples.of("tenant.provisioned.v1");
    ObjectNode tree = (ObjectNode) EnvelopeJson.mapper().valueToTree(sample);
    tree.put("timestamp", sample.timestamp().toString().replace("Z", "+00:00"));

    assertThat(reader.read(tree)).isEqualTo(sample);
  }

  @Test
  void readsEveryUtcTimestampShapeExactlyAsInstantParseDoes() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      java.time.Instant instant =
          java.time.Instant.ofEpochSecond(
              random.nextLong(-60_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
      String text = instant.toString(); // Z with 0, 3, 6 or 9 fraction digits
      String trimmed = text.substring(0, Math.min(text.length() - 1, 20 + random.nextInt(10)));
      for (String candidate : new String[] {text, trimmed + "Z"}) {
        if (candidate.charAt(0) != '-' && candidate.charAt(0) != '+') {
          assertThat(EnvelopeReader.instant(candidate))
              .as(candidate)
              .isEqualTo(java.time.Instant.parse(candidate));
        }
      }
    }
    assertThat(EnvelopeReader.instant("2024-02-29T23:59:59.5Z"))
        .isEqualTo(java.time.Instant.parse("2024-02-29T23:59:59.500Z"));
    assertThat(EnvelopeReader.instant("2026-11-26T10:15:30+01:00"))
        .isEqualTo(java.time.Instant.parse("2026-11-26T09:15:30Z"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EnvelopeReader.instant("2026-02-30T10:15:30Z"))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
  }
}
