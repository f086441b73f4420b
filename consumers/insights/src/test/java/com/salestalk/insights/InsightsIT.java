package com.salestalk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.MessageId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.ConsumeCounts;
import com.salestalk.testsupport.ConsumerFaults;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.Http.Reply;
import com.salestalk.testsupport.OpenApiDocuments;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.StackTenants;
import com.salestalk.testsupport.TestStack;
import com.salestalk.testsupport.TransactionFaults;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * insights end to end on the emulator with infra/template.yaml deployed: classifications published
 * on the stack's bus as chat-handler publishes them, routed by the template's rule to the insights
 * queue, counted by the running service, read back through its API. The listener handles one
 * message at a time here: moto does not make concurrent transactions atomic, and the counts must be
 * exact (on DynamoDB, concurrent ADDs are).
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.metrics.cloudwatch.enabled=false",
      "salestalk.insights.samples-per-day=3",
      "salestalk.consumer.lease=2s",
      ConsumerFaults.TABLE_OUTPUT + "=InsightsTableName",
      "spring.cloud.aws.sqs.listener.max-concurrent-messages=1",
      "spring.cloud.aws.sqs.listener.max-messages-per-poll=1",
      "spring.cloud.aws.sqs.listener.poll-timeout=1s"
    })
@Import(ConsumerFaults.class)
class InsightsIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Component CLASSIFIER = new Component("keyword-intent", "1.0.0");
  static final Duration EFFECT = Duration.ofSeconds(30);
  static final String CLASSIFIED = "classification.performed.v1";

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired TransactionFaults insightsFaults;
  @Autowired MeterRegistry meters;
  ConsumeCounts consumed;
  Http http;
  String tenant;
  String apiKey;

  @BeforeEach
  void tenant() {
    http = new Http(port);
    consumed = new ConsumeCounts(meters, "insights");
    apiKey = ApiKeys.generate();
    tenant = StackTenants.create(stack, ApiKeys.hash(apiKey));
  }

  // ---------------------------------------------------------------- helpers

  /** A classification as chat-handler publishes it, at {@code at}. */
  EventEnvelope classified(String at, Intent intent, double confidence, String utterance) {
    return new EnvelopeFactory(
            "chat-handler", Clock.fixed(Instant.parse(at), ZoneOffset.UTC), EventCatalog.standard())
        .create(
            TenantId.of(tenant),
            new ClassificationPerformed(
                new MessageId("msg-" + at), utterance, intent, confidence, null, CLASSIFIER, 15),
            Flow.start().withUser("user-1").withSession("session-1"));
  }

  Reply insights(String key, String query) {
    return key == null
        ? http.send("GET", "/api/v1/insights" + query, null)
        : http.send("GET", "/api/v1/insights" + query, null, "X-Api-Key", key);
  }

  JsonNode awaitClassifications(String query, long expected) {
    return await()
        .atMost(EFFECT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> insights(apiKey, query).json(),
            json -> json.path("totals").path("classifications").asLong() == expected);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void countsClassificationsPerUtcDayAndKeepsTheDaysNewestUnknownOrUnsureUtterances() {
    EventEnvelope lastOfJan14 =
        classified("2025-01-14T23:59:59.999Z", Intent.METRIC_LOOKUP, 0.9, "revenue last week");
    EventEnvelope firstOfJan15 =
        classified("2025-01-15T00:00:00Z", Intent.METRIC_LOOKUP, 0.7, "revenue today");
    EventEnvelope oldestSample =
        classified("2025-01-15T08:00:00Z", Intent.UNKNOWN, 0.2, "asdf qwerty");
    EventEnvelope unsure =
        classified("2025-01-15T09:00:00Z", Intent.FORECAST, 0.4, "will we hit target?");
    EventEnvelope unknown = classified("2025-01-15T10:00:00Z", Intent.UNKNOWN, 0.6, "blorp");
    EventEnvelope newest =
        classified("2025-01-15T11:00:00Z", Intent.TREND_ANALYSIS, 0.45, "revenue trend maybe");
    EventEnvelope jan16 = classified("2025-01-16T00:00:00Z", Intent.GREETING, 1.0, "hi");
    // out of order: the oldest sample comes last, when the day holds three newer ones
    for (EventEnvelope event :
        List.of(newest, lastOfJan14, unknown, jan16, unsure, firstOfJan15, oldestSample)) {
      stack.publish(event);
    }

    awaitClassifications("?from=2025-01-14&to=2025-01-16", 7);
    Reply reply = insights(apiKey, "?from=2025-01-14&to=2025-01-15");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.json())
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-01-14", "to": "2025-01-15", "lowConfidenceThreshold": 0.5,
                 "totals": {"classifications": 6, "averageConfidence": 0.5417, "lowConfidence": 3,
                   "lowConfidenceRate": 0.5,
                   "intents": {"metric_lookup": {"count": 2, "averageConfidence": 0.8},
                     "trend_analysis": {"count": 1, "averageConfidence": 0.45},
                     "forecast": {"count": 1, "averageConfidence": 0.4},
                     "unknown": {"count": 2, "averageConfidence": 0.4}}},
                 "days": [
                   {"date": "2025-01-14", "classifications": 1, "averageConfidence": 0.9,
                    "lowConfidence": 0, "lowConfidenceRate": 0.0,
                    "intents": {"metric_lookup": {"count": 1, "averageConfidence": 0.9}}},
                   {"date": "2025-01-15", "classifications": 5, "averageConfidence": 0.47,
                    "lowConfidence": 3, "lowConfidenceRate": 0.6,
                    "intents": {"metric_lookup": {"count": 1, "averageConfidence": 0.7},
                      "trend_analysis": {"count": 1, "averageConfidence": 0.45},
                      "forecast": {"count": 1, "averageConfidence": 0.4},
                      "unknown": {"count": 2, "averageConfidence": 0.4}}}],
                 "samples": [
                   {"timestamp": "2025-01-15T11:00:00Z", "messageId": "msg-2025-01-15T11:00:00Z",
                    "utterance": "revenue trend maybe", "intent": "trend_analysis",
                    "confidence": 0.45, "reasons": ["low_confidence"],
                    "classifier": {"name": "keyword-intent", "version": "1.0.0"}},
                   {"timestamp": "2025-01-15T10:00:00Z", "messageId": "msg-2025-01-15T10:00:00Z",
                    "utterance": "blorp", "intent": "unknown", "confidence": 0.6,
                    "reasons": ["unknown_intent"],
                    "classifier": {"name": "keyword-intent", "version": "1.0.0"}},
                   {"timestamp": "2025-01-15T09:00:00Z", "messageId": "msg-2025-01-15T09:00:00Z",
                    "utterance": "will we hit target?", "intent": "forecast", "confidence": 0.4,
                    "reasons": ["low_confidence"],
                    "classifier": {"name": "keyword-intent", "version": "1.0.0"}}]}
                """));

    JsonNode jan16Only = insights(apiKey, "?from=2025-01-16&to=2025-01-16").json();
    assertThat(jan16Only.get("totals").get("classifications").asLong()).isEqualTo(1);
    assertThat(jan16Only.get("days").get(0).get("date").asString()).isEqualTo("2025-01-16");
    assertThat(jan16Only.get("samples")).isEmpty();
  }

  @Test
  void theSameEventTwiceCountsOnce() {
    EventEnvelope event = classified("2025-02-01T12:00:00Z", Intent.UNKNOWN, 0.1, "huh");
    double duplicatesBefore = consumed.duplicate(CLASSIFIED);
    stack.publish(event);
    stack.publish(event);

    await().atMost(EFFECT).until(() -> consumed.duplicate(CLASSIFIED) == duplicatesBefore + 1);
    JsonNode json = awaitClassifications("?from=2025-02-01&to=2025-02-01", 1);
    assertThat(json.get("totals").get("lowConfidence").asLong()).isEqualTo(1);
    assertThat(json.get("samples")).hasSize(1);
  }

  @Test
  void aFailedWriteIsRedeliveredAndCountsOnce() {
    double failedBefore = consumed.failed(CLASSIFIED);
    insightsFaults.conflict();
    stack.publish(classified("2025-02-02T12:00:00Z", Intent.UNKNOWN, 0.1, "huh"));

    JsonNode json = awaitClassifications("?from=2025-02-02&to=2025-02-02", 1);
    assertThat(json.get("samples")).hasSize(1);
    assertThat(consumed.failed(CLASSIFIED)).isEqualTo(failedBefore + 1);
  }

  @Test
  void aWriteThatKeepsFailingEndsInTheDeadLetterQueueHavingChangedNothing() {
    for (int attempt = 0; attempt < 5; attempt++) { // the template's MaxReceiveCount
      insightsFaults.conflict();
    }
    double failedBefore = consumed.failed(CLASSIFIED);
    EventEnvelope event = classified("2025-02-03T12:00:00Z", Intent.COMPARISON, 0.9, "a vs b");
    stack.publish(event);

    List<Message> dead = stack.awaitDeadLettered("insights", 1, Duration.ofSeconds(60));
    assertThat(JSON.readTree(dead.get(0).body()).get("detail").get("eventId").asString())
        .isEqualTo(event.eventId().toString());
    assertThat(consumed.failed(CLASSIFIED)).isEqualTo(failedBefore + 5);
    JsonNode json = insights(apiKey, "?from=2025-02-03&to=2025-02-03").json();
    assertThat(json.get("totals").get("classifications").asLong()).isZero();
  }

  @Test
  void anUnparsableMessageIsDeadLetteredAndTheNextEventIsCounted() {
    stack.sendToQueue("insights", "{\"detail-type\": ");
    stack.publish(classified("2025-02-04T12:00:00Z", Intent.DEFINITION, 0.8, "what is ARR?"));

    awaitClassifications("?from=2025-02-04&to=2025-02-04", 1);
    List<Message> dead = stack.awaitDeadLettered("insights", 1, EFFECT);
    assertThat(dead.get(0).body()).isEqualTo("{\"detail-type\": ");
    assertThat(dead.get(0).messageAttributes().get("salestalk-dlq-reason").stringValue())
        .startsWith("not valid JSON");
  }

  @Test
  void aTenantSeesOnlyItsOwnInsights() {
    stack.publish(classified("2025-02-05T12:00:00Z", Intent.UNKNOWN, 0.1, "secret plans"));
    awaitClassifications("?from=2025-02-05&to=2025-02-05", 1);

    String otherKey = ApiKeys.generate();
    StackTenants.create(stack, ApiKeys.hash(otherKey));
    Reply other = insights(otherKey, "?from=2025-02-05&to=2025-02-05");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.json())
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-02-05", "to": "2025-02-05", "lowConfidenceThreshold": 0.5,
                 "totals": {"classifications": 0, "averageConfidence": null, "lowConfidence": 0,
                   "lowConfidenceRate": null, "intents": {}},
                 "days": [], "samples": []}
                """));
  }

  @Test
  void refusesMissingAndUnknownKeysAndBadRanges() {
    Reply noKey = insights(null, "?from=2025-02-05&to=2025-02-05");
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(insights(ApiKeys.generate(), "?from=2025-02-05&to=2025-02-05").status())
        .isEqualTo(401);

    Reply inverted = insights(apiKey, "?from=2025-02-05&to=2025-02-04");
    assertThat(inverted.status()).isEqualTo(400);
    assertThat(inverted.json().get("detail").asString())
        .isEqualTo("Invalid to: must not be before from (2025-02-05), got 2025-02-04");
  }

  @Test
  void servesHealthAndItsCommittedOpenApiDocument() {
    Reply health = http.send("GET", "/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    JsonNode served = OpenApiDocuments.assertCommittedIsCurrent(http, "insights");
    assertThat(served.get("paths").has("/api/v1/insights")).isTrue();
  }
}
