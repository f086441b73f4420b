package com.salestalk.eventcontracts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventValidatorTest {

  private final EventValidator strict = EventValidator.strict();
  private final EventValidator tolerant = EventValidator.tolerant();

  @Test
  void everyCatalogSampleIsValidStrictlyAndTolerantly() {
    for (EventEnvelope sample : EventSamples.all()) {
      String json = EnvelopeJson.toJson(sample);
      assertThat(strict.validate(json).violations()).as(sample.eventType().toString()).isEmpty();
      assertThat(tolerant.validate(json).violations()).as(sample.eventType().toString()).isEmpty();
    }
  }

  @Test
  void reportsEveryViolationNotJustTheFirst() {
    ObjectNode event = sampleTree("classification.performed.v1");
    event.put("eventId", "not-a-uuid");
    event.remove("tenantId");
    ((ObjectNode) event.get("data")).put("confidence", 2).put("intent", "magic");

    assertThat(messages(strict.validate(event.toString())))
        .containsExactlyInAnyOrder(
            "/eventId: does not match the uuid pattern must be a valid RFC 4122 UUID",
            "/: required property 'tenantId' not found",
            "/data/confidence: must have a maximum value of 1",
            "/data/intent: does not have a value in the enumeration [\"metric_lookup\", \"trend_analysis\","
                + " \"comparison\", \"top_performers\", \"forecast\", \"anomaly_explanation\", \"definition\","
                + " \"greeting\", \"unknown\"]");
  }

  @Test
  void tolerantReaderAcceptsUnknownOptionalFieldsThatStrictRejects() {
    ObjectNode event = sampleTree("tenant.provisioned.v1");
    ((ObjectNode) event.get("data")).put("billingContact", "ops@acme.test");
    ((ObjectNode) event.get("metadata")).put("spanId", "abc");
    event.put("region", "eu-west-1");

    assertThat(messages(strict.validate(event.toString())))
        .containsExactlyInAnyOrder(
            "/: property 'region' is not defined in the schema and the schema does not allow additional properties",
            "/metadata: property 'spanId' is not defined in the schema and the schema does not allow additional"
                + " properties",
            "/data: property 'billingContact' is not defined in the schema and the schema does not allow additional"
                + " properties");
    assertThat(tolerant.validate(event.toString()).violations()).isEmpty();
  }

  @Test
  void tolerantReaderAcceptsANewerMinorRevisionButStillChecksKnownFields() {
    ObjectNode event = sampleTree("tenant.provisioned.v1");
    event.put("eventVersion", "1.3");

    assertThat(tolerant.validate(event.toString()).violations()).isEmpty();
    assertThat(messages(strict.validate(event.toString())))
        .containsExactly(
            "/eventVersion: revision 1.3 is not released; the newest revision of tenant.provisioned.v1 is 1.0");

    ((ObjectNode) event.get("data")).put("plan", "platinum");
    assertThat(messages(tolerant.validate(event.toString())))
        .containsExactly(
            "/data/plan: does not have a value in the enumeration [\"trial\", \"standard\", \"enterprise\"]");
  }

  @Test
  void acceptsAsSourceOnlyTheCatalogProducerOfTheType() {
    ObjectNode event = sampleTree("tenant.provisioned.v1");
    for (String other : List.of("chat-handler", "metrics-handler", "test-harness")) {
      event.put("source", other);
      String expected =
          "/source: tenant.provisioned.v1 is produced by tenant-onboard, not by '"
              + other
              + "'"
              + (other.equals("test-harness")
                  ? " (test-harness is accepted only in test mode)"
                  : "");
      assertThat(messages(strict.validate(event.toString()))).as(other).containsExactly(expected);
      assertThat(messages(tolerant.validate(event.toString()))).as(other).containsExactly(expected);
    }
  }

  @Test
  void testModeAcceptsTheTestHarnessAsSourceOfEveryTypeAndNoOtherStranger() {
    EventValidator forTests = EventValidator.forTests();
    for (EventEnvelope sample : EventSamples.all()) {
      ObjectNode event = EnvelopeJson.mapper().valueToTree(sample);
      event.put("source", EventValidator.TEST_HARNESS);
      assertThat(forTests.validate(event.toString()).violations())
          .as(sample.eventType().toString())
          .isEmpty();
      assertThat(tolerant.acceptingTestHarness().validate(event.toString()).violations())
          .as(sample.eventType().toString())
          .isEmpty();
    }
    ObjectNode spoofed = sampleTree("tenant.provisioned.v1");
    spoofed.put("source", "chat-handler");
    assertThat(messages(forTests.validate(spoofed.toString())))
        .containsExactly(
            "/source: tenant.provisioned.v1 is produced by tenant-onboard, not by 'chat-handler'");
    ObjectNode unreleased = sampleTree("tenant.provisioned.v1");
    unreleased.put("source", EventValidator.TEST_HARNESS).put("eventVersion", "1.3");
    assertThat(messages(forTests.validate(unreleased.toString())))
        .as("test mode is strict otherwise")
        .containsExactly(
            "/eventVersion: revision 1.3 is not released; the newest revision of tenant.provisioned.v1 is 1.0");
  }

  @Test
  void refusesEventsOverTheEventBridgeSizeLimit() {
    ObjectNode event = sampleTree("narrative.generated.v1");
    ((ObjectNode) event.get("data")).put("text", "x".repeat(300_000));

    byte[] json = event.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(json.length).isGreaterThan(300_000);
    assertThat(messages(strict.validate(json)))
        .containsExactly(
            "/: event is " + json.length + " bytes; the limit is 262144 bytes (256 KB)");
  }

  @Test
  void requireValidRejectsAnEnvelopeWhoseJsonWouldBeTooLarge() {
    EventEnvelope sample = EventSamples.of("narrative.generated.v1");
    ObjectNode data = sample.data().deepCopy();
    data.put("text", "x".repeat(20_000));
    var metrics = data.putArray("metricsUsed");
    for (int i = 0; i < 200; i++) {
      metrics
          .addObject()
          .put("metric", "m".repeat(128))
          .put("period", "p".repeat(64))
          .put("value", i);
    }
    // Valid against the schema, but the bounded fields together still fit: make the event exceed
    // 256 KB by text.
    EventEnvelope big =
        new EventEnvelope(
            sample.eventId(),
            sample.eventType(),
            sample.eventVersion(),
            sample.source(),
            sample.timestamp(),
            sample.tenantId(),
            sample.userId(),
            sample.sessionId(),
            sample.metadata(),
            data);

    String json = strict.requireValid(big);
    assertThat(json.length()).isLessThan(EnvelopeJson.MAX_EVENT_BYTES);

    data.put("text", "y".repeat(20_001));
    assertThatThrownBy(() -> strict.requireValid(big))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: /data/text: must be at most 20000 characters long");
  }

  @Test
  void requireValidReportsEveryViolationOfAnEnvelopeBuiltByHand() {
    EventEnvelope sample = EventSamples.of("classification.performed.v1");
    EventEnvelope withoutData =
        new EventEnvelope(
            sample.eventId(),
            sample.eventType(),
            sample.eventVersion(),
            sample.source(),
            sample.timestamp(),
            sample.tenantId(),
            "bob",
            sample.sessionId(),
            sample.metadata(),
            null);

    assertThatThrownBy(() -> strict.requireValid(withoutData))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e ->
                assertThat(e.violations())
                    .map(Violation::toString)
                    .containsExactlyInAnyOrder(
                        "/userId: does not match the regex pattern ^user-[A-Za-z0-9][A-Za-z0-9_-]{0,63}$",
                        "/: required property 'data' not found"));
  }

  @Test
  void deeplyNestedJsonIsRefusedQuicklyWithoutStackOverflow() {
    String hostile = "{\"data\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

    ValidationResult result =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> strict.validate(hostile));

    assertThat(messages(result)).containsExactly("/: JSON nests deeper than 32 levels");
  }

  @Test
  void hugeNumbersAndStringsAreRefusedWithClearMessages() {
    assertThat(messages(strict.validate("{\"eventId\":1" + "0".repeat(10_000) + "}")))
        .containsExactly("/: a number is longer than 64 characters");
    assertThat(messages(strict.validate("{\"eventId\":\"" + "a".repeat(5_000_000) + "\"}")))
        .containsExactly("/: event is 5000014 bytes; the limit is 262144 bytes (256 KB)");
  }

  @Test
  void numbersBeyondSixtyFourBitsAreViolationsNotCrashes() {
    ObjectNode event = sampleTree("classification.performed.v1");
    String json =
        event
            .toString()
            .replace("\"confidence\":0.92", "\"confidence\":-1e19")
            .replace("\"latencyMs\":12", "\"latencyMs\":1e300");

    List<String> expected =
        List.of(
            "/data/confidence: number -1.0E19 is outside the signed 64-bit range contract numbers"
                + " must fit",
            "/data/latencyMs: number 1.0E300 is outside the signed 64-bit range contract numbers"
                + " must fit");
    assertThat(messages(strict.validate(json))).containsExactlyElementsOf(expected);
    assertThat(messages(tolerant.validate(json))).containsExactlyElementsOf(expected);
  }

  @Test
  void aPatternFieldWithATrailingNewlineIsRefused() {
    ObjectNode event = sampleTree("classification.performed.v1");
    event.put("tenantId", "tenant-acme\n");

    assertThat(messages(tolerant.validate(event.toString())))
        .containsExactly(
            "/tenantId: does not match the regex pattern ^tenant-[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
  }

  @Test
  void malformedInputIsReportedAsNotJson() {
    assertThat(messages(strict.validate("{\"eventId\": ")))
        .containsExactly(
            "/: not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 13)");
    assertThat(messages(strict.validate(""))).containsExactly("/: not valid JSON: no content");
    assertThat(messages(strict.validate("[1, 2]")))
        .containsExactly("/: an event must be a JSON object, got array");
    assertThat(messages(strict.validate(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}', 0})))
        .containsExactly("/: not valid JSON: an event must be UTF-8 encoded");
  }

  @Test
  void refusesASunsetTypeButAcceptsItWhileDeprecated() {
    String catalogJson =
        """
        {"sources": ["tenant-onboard"], "consumers": ["analytics"], "events": [
          {"type": "tenant.provisioned.v1", "description": "d", "producer": "tenant-onboard",
           "consumers": ["analytics"], "revision": "1.0", "releasedOn": "2026-01-01",
           "deprecatedOn": "2026-03-01", "sunsetOn": "2026-09-01"}]}
        """;
    EventCatalog catalog =
        EventCatalog.read(new ByteArrayInputStream(catalogJson.getBytes(StandardCharsets.UTF_8)));
    String json = sampleTree("tenant.provisioned.v1").toString();

    EventValidator beforeSunset = validatorOn(catalog, "2026-08-31T23:59:59Z");
    EventValidator afterSunset = validatorOn(catalog, "2026-09-01T00:00:00Z");

    assertThat(beforeSunset.validate(json).violations()).isEmpty();
    assertThat(messages(afterSunset.validate(json)))
        .containsExactly(
            "/eventType: event type 'tenant.provisioned.v1' was sunset on 2026-09-01 and is no longer accepted");
  }

  private static EventValidator validatorOn(EventCatalog catalog, String instant) {
    return new EventValidator(
        catalog, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), ValidationMode.STRICT);
  }

  private static ObjectNode sampleTree(String type) {
    return EnvelopeJson.mapper().valueToTree(EventSamples.of(type));
  }

  private static List<String> messages(ValidationResult result) {
    return result.violations().stream().map(Violation::toString).toList();
  }
}
