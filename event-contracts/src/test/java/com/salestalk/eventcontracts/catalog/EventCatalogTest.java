package com.salestalk.eventcontracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCatalogTest {

  private final EventCatalog catalog = EventCatalog.standard();

  @Test
  void listsTheFiveV1TypesWithTheirProducersAndConsumers() {
    assertThat(catalog.entries())
        .extracting(e -> e.type() + " " + e.producer() + " -> " + e.consumers())
        .containsExactly(
            "classification.performed.v1 chat-handler -> [insights]",
            "narrative.generated.v1 chat-handler -> [analytics]",
            "conversation.completed.v1 chat-handler -> [analytics]",
            "metrics.ingested.v1 metrics-handler -> [aggregation, validation]",
            "tenant.provisioned.v1 tenant-onboard -> [analytics, aggregation]");
  }

  @Test
  void everyTypeHasAConsumerAndAReleasedRevision() {
    for (CatalogEntry entry : catalog.entries()) {
      assertThat(entry.consumers()).as(entry.type().toString()).isNotEmpty();
      assertThat(entry.revision()).isEqualTo(new Revision(1, 0));
      assertThat(entry.statusOn(LocalDate.of(2026, 11, 26))).isEqualTo(SupportStatus.CURRENT);
    }
  }

  @Test
  void answersWhichTypesAConsumerReceives() {
    assertThat(catalog.typesConsumedBy("analytics"))
        .extracting(EventType::toString)
        .containsExactly(
            "narrative.generated.v1", "conversation.completed.v1", "tenant.provisioned.v1");
    assertThat(catalog.typesProducedBy("metrics-handler"))
        .extracting(EventType::toString)
        .containsExactly("metrics.ingested.v1");
  }

  @Test
  void envelopeSchemaAllowsExactlyTheCatalogSources() throws Exception {
    JsonNode schema;
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("com/salestalk/eventcontracts/schemas/envelope.schema.json")) {
      schema = JsonMapper.shared().readTree(in);
    }
    List<String> sources =
        StreamSupport.stream(schema.at("/properties/source/enum").spliterator(), false)
            .map(JsonNode::asString)
            .toList();
    assertThat(sources).isEqualTo(catalog.sources());
  }

  @Test
  void statusFollowsDeprecationAndSunsetDates() {
    CatalogEntry entry =
        new CatalogEntry(
            EventType.parse("tenant.provisioned.v1"),
            "d",
            "tenant-onboard",
            List.of("analytics"),
            new Revision(1, 0),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 12, 1));

    assertThat(entry.statusOn(LocalDate.of(2026, 5, 31))).isEqualTo(SupportStatus.CURRENT);
    assertThat(entry.statusOn(LocalDate.of(2026, 6, 1))).isEqualTo(SupportStatus.DEPRECATED);
    assertThat(entry.statusOn(LocalDate.of(2026, 12, 1))).isEqualTo(SupportStatus.SUNSET);
  }

  @Test
  void refusesACatalogNamingAnUnknownConsumer() {
    String json =
        """
        {"sources": ["tenant-onboard"], "consumers": ["analytics"], "events": [
          {"type": "tenant.provisioned.v1", "description": "d", "producer": "tenant-onboard",
           "consumers": ["billing"], "revision": "1.0", "releasedOn": "2026-11-26"}]}
        """;
    assertThatThrownBy(
            () ->
                EventCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .hasMessage("tenant.provisioned.v1: unknown consumer billing");
  }

  @Test
  void refusesARevisionOfAnotherMajorVersion() {
    assertThatThrownBy(
            () ->
                new CatalogEntry(
                    EventType.parse("tenant.provisioned.v1"),
                    "d",
                    "tenant-onboard",
                    List.of(),
                    new Revision(2, 0),
                    LocalDate.now(),
                    null,
                    null))
        .hasMessage("tenant.provisioned.v1: revision 2.0 must have major version 1");
  }
}
