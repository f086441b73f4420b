package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.samples.EventSamples;
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
            com.salestalk.eventcontracts.catalog.EventType.parse("narrative.generated.v1"),
            EventSamples.SAMPLE_TENANT,
            Flow.causedBy(parent).withTrace("1-abc-def"));
    EventEnvelope bare =
        EventSamples.of(
            com.salestalk.eventcontracts.catalog.EventType.parse("tenant.provisioned.v1"),
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
}
