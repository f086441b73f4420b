package com.salestalk.eventcontracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

class EventPayloadsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/events");

  static Stream<EventType> catalogTypes() {
    return EventCatalog.standard().entries().stream().map(CatalogEntry::type);
  }

  /** Every valid fixture file: full events and events that leave optional properties out. */
  static Stream<Path> validFixtures() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(FIXTURES)) {
      files =
          walk.filter(p -> p.getFileName().toString().startsWith("valid-"))
              .filter(p -> !p.getParent().getFileName().toString().equals("envelope"))
              .sorted()
              .toList();
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogTypes")
  void sampleBindsToItsRecordAndSerializesBackToExactlyTheSample(EventType type) {
    ObjectNode sample = EventSamples.data(type);

    EventPayload payload = EventPayloads.fromData(sample, EventPayloads.classOf(type));

    assertThat(payload).isInstanceOf(EventPayloads.classOf(type));
    assertThat(json(EventPayloads.toData(payload))).isEqualTo(json(sample));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogTypes")
  void dataBuiltFromARecordEqualsTheDataAReaderParsesFromItsJson(EventType type) {
    ObjectNode built = EventPayloads.toData(EventSamples.payload(type));

    assertThat(EnvelopeJson.mapper().readTree(built.toString())).isEqualTo(built);
  }

  @Test
  void numbersOfEveryKindBecomeTheNodesParsingTheirJsonGives() {
    NarrativeGenerated sample = EventSamples.payload(NarrativeGenerated.class);
    List<NarrativeGenerated.MetricUsed> values =
        Stream.of("1350000", "12.5", "1E+3", "-0.001", "12345678901", "123456789012345678901")
            .map(value -> new NarrativeGenerated.MetricUsed("revenue", "Q3", new BigDecimal(value)))
            .toList();
    NarrativeGenerated narrative =
        new NarrativeGenerated(
            sample.narrativeId(),
            sample.messageId(),
            sample.intent(),
            sample.text(),
            values,
            sample.dataAsOf(),
            sample.grounded(),
            sample.generator(),
            5_000_000_000L);

    ObjectNode built = EventPayloads.toData(narrative);

    assertThat(EnvelopeJson.mapper().readTree(built.toString())).isEqualTo(built);
    assertThat(built.required("latencyMs")).isInstanceOf(LongNode.class);
    assertThat(built.required("metricsUsed").findValues("value"))
        .map(node -> node.getClass().getSimpleName() + " " + node)
        .containsExactly(
            "IntNode 1350000",
            "DoubleNode 12.5",
            "DoubleNode 1000.0",
            "DoubleNode -0.001",
            "LongNode 12345678901",
            "BigIntegerNode 123456789012345678901");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void validFixtureDataRoundTripsThroughItsRecord(Path file) throws IOException {
    JsonNode event = EnvelopeJson.mapper().readTree(file.toFile());
    JsonNode data = event.required("data");
    Class<? extends EventPayload> record =
        EventPayloads.classOf(EventType.parse(event.required("eventType").asString()));

    assertThat(json(EventPayloads.toData(EventPayloads.fromData(data, record))))
        .isEqualTo(json(data));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogTypes")
  void dataWithPropertiesTheRecordDoesNotKnowStillBinds(EventType type) {
    ObjectNode newer = EventSamples.data(type);
    newer.put("addedInRevision11", "optional");
    newer.putObject("anotherAddition").put("nested", 1);
    Class<? extends EventPayload> record = EventPayloads.classOf(type);

    assertThat(EventPayloads.fromData(newer, record))
        .isEqualTo(EventPayloads.fromData(EventSamples.data(type), record));
  }

  @Test
  void unknownPropertiesInsideNestedObjectsAreIgnoredToo() {
    ObjectNode data = sample("classification.performed.v1");
    ((ObjectNode) data.required("entities").required("period")).put("timezone", "UTC");

    ClassificationPerformed payload = EventPayloads.fromData(data, ClassificationPerformed.class);

    assertThat(payload.entities().period().label()).isEqualTo("Q3 2026");
  }

  @Test
  void bindsTypedIdsEnumsAndNestedRecords() {
    NarrativeGenerated narrative = EventSamples.payload(NarrativeGenerated.class);
    ConversationCompleted conversation = EventSamples.payload(ConversationCompleted.class);

    assertThat(narrative.narrativeId()).isEqualTo(new NarrativeId("nar-5b21e0c4"));
    assertThat(narrative.messageId()).isEqualTo(new MessageId("msg-7f3c2a10"));
    assertThat(narrative.intent()).isEqualTo(Intent.TREND_ANALYSIS);
    assertThat(narrative.metricsUsed().get(1).value()).isEqualByComparingTo("1350000");
    assertThat(narrative.generator()).isEqualTo(new Component("template-narrator", "1.0.0"));
    assertThat(conversation.intents())
        .containsExactly(
            Map.entry(Intent.GREETING, 1L),
            Map.entry(Intent.TREND_ANALYSIS, 2L),
            Map.entry(Intent.COMPARISON, 1L));
    assertThat(conversation.completionReason()).isEqualTo(CompletionReason.USER_ENDED);
    assertThat(conversation.feedback())
        .isEqualTo(new ConversationCompleted.Feedback(5, "Clear answers."));
  }

  @Test
  void optionalPropertiesThatAreNullAreLeftOutOfTheData() {
    TenantProvisioned tenant =
        new TenantProvisioned("Acme", Plan.TRIAL, "us-east-1", "USD", "UTC", null);

    assertThat(json(EventPayloads.toData(tenant)))
        .isEqualTo(
            "{\"name\":\"Acme\",\"plan\":\"trial\",\"region\":\"us-east-1\","
                + "\"currency\":\"USD\",\"timezone\":\"UTC\"}");
  }

  @Test
  void aMissingRequiredPropertyIsRefusedNamingIt() {
    ObjectNode data = sample("tenant.provisioned.v1");
    data.remove("plan");

    assertBindingRefused(
        data,
        TenantProvisioned.class,
        "tenant.provisioned.v1 data does not bind to TenantProvisioned: plan is required");
  }

  @Test
  void aMissingRequiredNumberIsRefusedNamingIt() {
    ObjectNode data = sample("classification.performed.v1");
    data.remove("latencyMs");

    assertBindingRefused(
        data,
        ClassificationPerformed.class,
        "classification.performed.v1 data does not bind to ClassificationPerformed: latencyMs is required");
  }

  @Test
  void aMissingRequiredNestedPropertyIsRefusedWithItsPlace() {
    ObjectNode data = sample("classification.performed.v1");
    ((ObjectNode) data.required("entities").required("period")).remove("start");

    assertBindingRefused(
        data,
        ClassificationPerformed.class,
        "classification.performed.v1 data does not bind to ClassificationPerformed"
            + " at /entities/period: start is required");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedWithItsPlace() {
    ObjectNode data = sample("metrics.ingested.v1");
    ((ObjectNode) data.required("rejections").get(1)).put("row", "two hundred");

    assertBindingRefused(
        data,
        MetricsIngested.class,
        "metrics.ingested.v1 data does not bind to MetricsIngested at /rejections/1/row:"
            + " Cannot deserialize value of type `long` from String \"two hundred\":"
            + " not a valid `long` value");
  }

  @Test
  void anUnknownEnumValueIsRefusedWithItsPlace() {
    ObjectNode data = sample("narrative.generated.v1");
    data.put("intent", "small_talk");

    assertBindingRefused(
        data,
        NarrativeGenerated.class,
        "narrative.generated.v1 data does not bind to NarrativeGenerated at /intent:"
            + " 'small_talk' is not one of [metric_lookup, trend_analysis, comparison,"
            + " top_performers, forecast, anomaly_explanation, definition, greeting, unknown]");
  }

  @Test
  void anEmptyIdIsRefused() {
    assertThatThrownBy(() -> new UploadId(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("upload id must not be empty");
  }

  @Test
  void mapsEachRecordToItsCatalogTypeAndBack() {
    assertThat(EventPayloads.typeOf(MetricsIngested.class))
        .isEqualTo(EventType.parse("metrics.ingested.v1"));
    assertThat(EventPayloads.classOf(EventType.parse("tenant.provisioned.v1")))
        .isEqualTo(TenantProvisioned.class);
    assertThatThrownBy(() -> EventPayloads.classOf(EventType.parse("tenant.deleted.v1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no event payload record has type tenant.deleted.v1");
  }

  private static ObjectNode sample(String type) {
    return EventSamples.data(EventType.parse(type));
  }

  private static void assertBindingRefused(
      ObjectNode data, Class<? extends EventPayload> record, String message) {
    assertThatThrownBy(() -> EventPayloads.fromData(data, record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static String json(JsonNode node) {
    return EnvelopeJson.mapper().writeValueAsString(node);
  }
}
