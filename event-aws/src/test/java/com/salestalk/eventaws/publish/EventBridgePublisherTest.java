package com.salestalk.eventaws.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.testsupport.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class EventBridgePublisherTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptedEventBridge eventBridge = new ScriptedEventBridge();
  private final List<Duration> sleeps = new ArrayList<>();

  private EventBridgePublisher publisher(int maxAttempts) {
    return new EventBridgePublisher(
        eventBridge,
        new PublisherProperties(
            true, "salestalk", maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(1)),
        new PublishMetrics(registry, EventCatalog.standard()),
        sleeps::add,
        () -> 0.5);
  }

  /** The relay's path: one attempt per entry, 5 s per call, within a minute. */
  private static PublishResult once(EventBridgePublisher publisher, List<PreparedEvent> events) {
    return publisher.publishPrepared(
        events, Duration.ofSeconds(5), Instant.now().plus(Duration.ofMinutes(1)));
  }

  private static List<PreparedEvent> prepared(List<EventEnvelope> events) {
    return events.stream().map(e -> PreparedEvent.of(e, EnvelopeJson.toJson(e))).toList();
  }

  private static List<EventEnvelope> tenants(int n) {
    return IntStream.range(0, n).mapToObj(i -> EventSamples.of("tenant.provisioned.v1")).toList();
  }

  private static List<String> ids(List<EventEnvelope> events) {
    return events.stream().map(e -> e.eventId().toString()).toList();
  }

  private double count(String name, String eventType, String source) {
    var counter = registry.find(name).tag("eventType", eventType).tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void mapsTheEnvelopeToSourceDetailTypeDetailAndBus() {
    EventEnvelope event = EventSamples.of("classification.performed.v1");

    PublishResult result = publisher(3).publish(List.of(event));

    assertThat(result.published()).containsExactly(event.eventId().toString());
    PutEventsRequestEntry entry = eventBridge.requests.get(0).entries().get(0);
    assertThat(entry.eventBusName()).isEqualTo("salestalk");
    assertThat(entry.source()).isEqualTo("salestalk.chat-handler");
    assertThat(entry.detailType()).isEqualTo("classification.performed.v1");
    assertThat(entry.detail()).isEqualTo(EventValidator.strict().requireValid(event));
    assertThat(entry.time()).isNull();
  }

  @Test
  void sends25EventsInThreeRequestsOfAtMostTen() {
    List<EventEnvelope> events = tenants(25);

    PublishResult result = publisher(3).publish(events);

    assertThat(eventBridge.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 5);
    assertThat(result.published()).containsExactlyElementsOf(ids(events));
    assertThat(result.allPublished()).isTrue();
    assertThat(count("salestalk.publish.published", "tenant.provisioned.v1", "tenant-onboard"))
        .isEqualTo(25);
  }

  @Test
  void closesARequestBeforeItsEntriesExceed256Kb() {
    String detail = "{\"pad\":\"" + "x".repeat(100 * 1024) + "\"}"; // ~100 KB each
    List<PreparedEvent> events =
        IntStream.range(0, 5)
            .mapToObj(
                i ->
                    new PreparedEvent("id-" + i, "tenant.provisioned.v1", "tenant-onboard", detail))
            .toList();

    PublishResult result = once(publisher(3), events);

    assertThat(eventBridge.requests).extracting(r -> r.entries().size()).containsExactly(2, 2, 1);
    assertThat(result.published()).containsExactly("id-0", "id-1", "id-2", "id-3", "id-4");
  }

  @Test
  void reportsAnEntryOver256KbAsFailedWithoutSendingIt() {
    String detail = "{\"pad\":\"" + "x".repeat(256 * 1024) + "\"}";
    PreparedEvent huge =
        new PreparedEvent("big", "tenant.provisioned.v1", "tenant-onboard", detail);
    PreparedEvent small =
        new PreparedEvent("small", "tenant.provisioned.v1", "tenant-onboard", "{}");

    PublishResult result = once(publisher(3), List.of(huge, small));

    assertThat(result.published()).containsExactly("small");
    assertThat(result.failed())
        .extracting(FailedEvent::eventId, FailedEvent::errorCode, FailedEvent::retryable)
        .containsExactly(tuple("big", "EntryTooLarge", false));
    assertThat(result.failed().get(0).errorMessage())
        .isEqualTo("entry is 262199 bytes; EventBridge accepts at most 262144");
    assertThat(eventBridge.requests).hasSize(1);
    assertThat(eventBridge.detailTypes(0)).hasSize(1);
  }

  @Test
  void rejectsAnInvalidEventWithTheValidatorsMessagesAndNeverSendsIt() {
    EventEnvelope valid = EventSamples.of("tenant.provisioned.v1");
    EventEnvelope invalid = TestEvents.withData(valid, data -> data.put("plan", "platinum"));

    PublishResult result = publisher(3).publish(List.of(invalid));

    assertThat(eventBridge.requests).isEmpty();
    assertThat(result.published()).isEmpty();
    assertThat(result.rejected()).hasSize(1);
    assertThat(result.rejected().get(0).eventId()).isEqualTo(valid.eventId().toString());
    assertThat(result.rejected().get(0).messages())
        .containsExactly(
            "/data/plan: does not have a value in the enumeration [\"trial\", \"standard\","
                + " \"enterprise\"]");
    assertThat(count("salestalk.publish.rejected", "tenant.provisioned.v1", "tenant-onboard"))
        .isEqualTo(1);
  }

  @Test
  void resendsOnlyTheEntriesThatFailedWithRetryableCodes() {
    List<EventEnvelope> events = tenants(10);
    eventBridge
        .then(ScriptedEventBridge.failing("ThrottlingException", 2, 5))
        .then(ScriptedEventBridge.failing("InternalFailure", 1));

    PublishResult result = publisher(4).publish(events);

    assertThat(eventBridge.requests).extracting(r -> r.entries().size()).containsExactly(10, 2, 1);
    List<String> detail1 =
        eventBridge.requests.get(1).entries().stream().map(PutEventsRequestEntry::detail).toList();
    assertThat(detail1.get(0)).contains(events.get(2).eventId().toString());
    assertThat(detail1.get(1)).contains(events.get(5).eventId().toString());
    assertThat(eventBridge.requests.get(2).entries().get(0).detail())
        .contains(events.get(5).eventId().toString());
    assertThat(result.published()).containsExactlyInAnyOrderElementsOf(ids(events));
    assertThat(result.published()).doesNotHaveDuplicates();
    assertThat(result.failed()).isEmpty();
    // full jitter with random 0.5: half of the 100 ms and 200 ms caps
    assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void reportsNonRetryableEntryFailuresAtOnceWithCodeAndMessage() {
    List<EventEnvelope> events = tenants(3);
    eventBridge.then(ScriptedEventBridge.failing("MalformedDetail", 1));

    PublishResult result = publisher(4).publish(events);

    assertThat(eventBridge.requests).hasSize(1);
    assertThat(result.published()).containsExactly(ids(events).get(0), ids(events).get(2));
    assertThat(result.failed())
        .extracting(
            FailedEvent::eventId,
            FailedEvent::errorCode,
            FailedEvent::errorMessage,
            FailedEvent::retryable,
            FailedEvent::attempts)
        .containsExactly(
            tuple(ids(events).get(1), "MalformedDetail", "MalformedDetail #1", false, 1));
    assertThat(count("salestalk.publish.failed", "tenant.provisioned.v1", "tenant-onboard"))
        .isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void givesUpOnRetryableFailuresAfterMaxAttempts() {
    List<EventEnvelope> events = tenants(2);
    for (int i = 0; i < 3; i++) {
      eventBridge.then(ScriptedEventBridge.failing("ThrottlingException", 0, 1).andThen(r -> r));
    }

    PublishResult result = publisher(3).publish(events);

    assertThat(eventBridge.requests).hasSize(3);
    assertThat(result.published()).isEmpty();
    assertThat(result.failed())
        .extracting(FailedEvent::errorCode, FailedEvent::retryable, FailedEvent::attempts)
        .containsExactly(
            tuple("ThrottlingException", true, 3), tuple("ThrottlingException", true, 3));
    assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(count("salestalk.publish.failed", "tenant.provisioned.v1", "tenant-onboard"))
        .isEqualTo(2);
  }

  @Test
  void resendsTheWholeBatchWhenTheCallFailsWithAnIoError() {
    List<EventEnvelope> events = tenants(4);
    eventBridge.then(
        r -> {
          throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        });

    PublishResult result = publisher(3).publish(events);

    assertThat(eventBridge.requests).extracting(r -> r.entries().size()).containsExactly(4, 4);
    assertThat(result.published()).containsExactlyElementsOf(ids(events));
  }

  @Test
  void resendsTheWholeBatchWhenTheCallIsThrottledOrFailsWith5xx() {
    List<EventEnvelope> events = tenants(2);
    eventBridge
        .then(
            r -> {
              throw serviceError(400, "ThrottlingException");
            })
        .then(
            r -> {
              throw serviceError(503, "ServiceUnavailable");
            });

    PublishResult result = publisher(3).publish(events);

    assertThat(eventBridge.requests).hasSize(3);
    assertThat(result.published()).containsExactlyElementsOf(ids(events));
  }

  @Test
  void doesNotResendACallRefusedAsUnauthorised() {
    List<EventEnvelope> events = tenants(2);
    eventBridge.then(
        r -> {
          throw serviceError(400, "AccessDeniedException");
        });

    PublishResult result = once(publisher(3), prepared(events));

    assertThat(eventBridge.requests).hasSize(1);
    assertThat(result.failed())
        .extracting(FailedEvent::errorCode, FailedEvent::errorMessage, FailedEvent::retryable)
        .containsExactly(
            tuple("AccessDeniedException", "AccessDeniedException happened", false),
            tuple("AccessDeniedException", "AccessDeniedException happened", false));
    // the relay path leaves counting failures to the relay
    assertThat(count("salestalk.publish.failed", "tenant.provisioned.v1", "tenant-onboard"))
        .isZero();
  }

  @Test
  void thePreparedPathSendsEachEntryOnceAndLeavesTheRetriesToTheCaller() {
    List<EventEnvelope> events = tenants(3);
    eventBridge.then(ScriptedEventBridge.failing("ThrottlingException", 1));

    PublishResult result = once(publisher(4), prepared(events));

    assertThat(eventBridge.requests).hasSize(1);
    assertThat(result.published()).containsExactly(ids(events).get(0), ids(events).get(2));
    assertThat(result.failed())
        .extracting(FailedEvent::eventId, FailedEvent::errorCode, FailedEvent::retryable)
        .containsExactly(tuple(ids(events).get(1), "ThrottlingException", true));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void thePreparedPathCarriesTheCallTimeoutAndNoRequestUsesTheSdksRetries() {
    once(publisher(3), prepared(tenants(1)));
    publisher(3).publish(tenants(1));

    var prepared = eventBridge.requests.get(0).overrideConfiguration().orElseThrow();
    assertThat(prepared.apiCallTimeout()).contains(Duration.ofSeconds(5));
    assertThat(prepared.apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
    assertThat(prepared.plugins()).hasSize(1);
    var direct = eventBridge.requests.get(1).overrideConfiguration().orElseThrow();
    assertThat(direct.apiCallTimeout()).isEmpty();
    assertThat(direct.plugins()).hasSize(1);
  }

  @Test
  void entriesLeftAtTheDeadlineAreReportedRetryableAndNotSent() {
    List<EventEnvelope> events = tenants(2);

    PublishResult result =
        publisher(3).publishPrepared(prepared(events), Duration.ofSeconds(5), Instant.now());

    assertThat(eventBridge.requests).isEmpty();
    assertThat(result.failed())
        .extracting(
            FailedEvent::errorCode,
            FailedEvent::errorMessage,
            FailedEvent::retryable,
            FailedEvent::attempts)
        .containsExactly(
            tuple("OutOfTime", "not sent: the time to publish ran out", true, 0),
            tuple("OutOfTime", "not sent: the time to publish ran out", true, 0));
  }

  @Test
  void countsBillable64KbChunksAndRecordsLatencyBySource() {
    String detail = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}"; // two chunks
    once(
        publisher(3),
        List.of(
            new PreparedEvent("a", "metrics.ingested.v1", "metrics-handler", detail),
            new PreparedEvent("b", "metrics.ingested.v1", "metrics-handler", "{}")));

    assertThat(
            registry
                .get("salestalk.publish.billable.chunks")
                .tag("eventType", "metrics.ingested.v1")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(
            registry
                .get("salestalk.publish.latency")
                .tag("source", "metrics-handler")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void tagsUnknownEventTypesAndSourcesAsUnknown() {
    once(publisher(1), List.of(new PreparedEvent("a", "evil.type.v9", "attacker", "{}")));

    assertThat(count("salestalk.publish.published", "unknown", "unknown")).isEqualTo(1);
  }

  private static AwsServiceException serviceError(int status, String code) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
        .build();
  }
}
