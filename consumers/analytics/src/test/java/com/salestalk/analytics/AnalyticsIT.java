package com.salestalk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.MessageId;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.events.NarrativeId;
import com.salestalk.eventcontracts.events.Plan;
import com.salestalk.eventcontracts.events.TenantProvisioned;
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
import java.util.Map;
import java.util.UUID;
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
 * analytics end to end on the emulator with infra/template.yaml deployed: narratives and finished
 * conversations published as chat-handler publishes them and new tenants as tenant-onboard does,
 * routed by the template's rule to the analytics queue, counted by the running service, read back
 * through its tenant and admin APIs. One message at a time (moto does not make concurrent
 * transactions atomic; the counts must be exact).
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.admin.token=" + AnalyticsIT.ADMIN_TOKEN,
      "salestalk.metrics.cloudwatch.enabled=false",
      "salestalk.consumer.lease=2s",
      ConsumerFaults.TABLE_OUTPUT + "=AnalyticsTableName",
      "spring.cloud.aws.sqs.listener.max-concurrent-messages=1",
      "spring.cloud.aws.sqs.listener.max-messages-per-poll=1",
      "spring.cloud.aws.sqs.listener.poll-timeout=1s"
    })
@Import(ConsumerFaults.class)
class AnalyticsIT {

  static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Component NARRATOR = new Component("template-narrator", "2.1.0");
  static final Duration EFFECT = Duration.ofSeconds(30);
  static final String CONVERSATION_COMPLETED = "conversation.completed.v1";

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired TransactionFaults analyticsFaults;
  @Autowired MeterRegistry meters;
  ConsumeCounts consumed;
  Http http;
  String tenant;
  String apiKey;

  @BeforeEach
  void tenant() {
    http = new Http(port);
    consumed = new ConsumeCounts(meters, "analytics");
    apiKey = ApiKeys.generate();
    tenant = StackTenants.create(stack, ApiKeys.hash(apiKey));
  }

  // ---------------------------------------------------------------- helpers

  /** An event of {@code tenantId} as its catalog producer publishes it, at {@code at}. */
  static EventEnvelope event(String producer, String tenantId, String at, EventPayload payload) {
    return new EnvelopeFactory(
            producer, Clock.fixed(Instant.parse(at), ZoneOffset.UTC), EventCatalog.standard())
        .create(TenantId.of(tenantId), payload, Flow.start().withSession("session-1"));
  }

  EventEnvelope narrative(String at, Intent intent, String text, boolean grounded, long latency) {
    return event(
        "chat-handler",
        tenant,
        at,
        new NarrativeGenerated(
            new NarrativeId("nar-" + at),
            new MessageId("msg-" + at),
            intent,
            text,
            List.of(),
            null,
            grounded,
            NARRATOR,
            latency));
  }

  EventEnvelope conversation(
      String endedAt, long durationMs, long messages, CompletionReason reason, Integer rating) {
    return event(
        "chat-handler",
        tenant,
        endedAt,
        new ConversationCompleted(
            Instant.parse(endedAt).minusMillis(durationMs).toString(),
            endedAt,
            durationMs,
            messages,
            Map.of(Intent.METRIC_LOOKUP, messages),
            reason,
            rating == null ? null : new ConversationCompleted.Feedback(rating, null)));
  }

  static EventEnvelope provisioned(String at, Plan plan) {
    String newTenant = "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    return event(
        "tenant-onboard",
        newTenant,
        at,
        new TenantProvisioned("Tenant " + newTenant, plan, "us-east-1", "USD", "UTC", null));
  }

  Reply analytics(String key, String query) {
    return key == null
        ? http.send("GET", "/api/v1/analytics" + query, null)
        : http.send("GET", "/api/v1/analytics" + query, null, "X-Api-Key", key);
  }

  Reply tenantsByPlan(String query, String... headers) {
    return http.send("GET", "/api/v1/analytics/tenants-by-plan" + query, null, headers);
  }

  /** Waits until the range holds {@code narratives} narratives and {@code conversations}. */
  JsonNode awaitCounts(String query, long narratives, long conversations) {
    return await()
        .atMost(EFFECT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> analytics(apiKey, query).json(),
            json ->
                json.path("narratives").path("count").asLong() == narratives
                    && json.path("conversations").path("count").asLong() == conversations);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void reportsNarrativeQualityAndConversationsOfTheRangesUtcDays() {
    List<EventEnvelope> events =
        List.of(
            conversation("2025-03-02T09:00:00Z", 60_000, 1, CompletionReason.USER_ENDED, 2),
            narrative("2025-03-02T00:00:00Z", Intent.TREND_ANALYSIS, "Revenue is up.", false, 5000),
            narrative("2025-02-28T23:59:59.999Z", Intent.METRIC_LOOKUP, "Before.", true, 10),
            conversation("2025-03-01T12:00:00Z", 30_000, 4, CompletionReason.USER_ENDED, 5),
            narrative("2025-03-01T23:59:59.999Z", Intent.METRIC_LOOKUP, "Units: 420.", true, 200),
            conversation("2025-03-02T08:00:00Z", 600_000, 10, CompletionReason.IDLE_TIMEOUT, null),
            narrative(
                "2025-03-01T10:00:00Z",
                Intent.METRIC_LOOKUP,
                "Revenue was 1.2M in Q1.",
                true,
                100));
    events.forEach(stack::publish);

    awaitCounts("?from=2025-02-28&to=2025-03-02", 4, 3);
    Reply reply = analytics(apiKey, "?from=2025-03-01&to=2025-03-02");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-03-01", "to": "2025-03-02",
                 "narratives": {"count": 3, "groundedRatio": 0.6667, "averageLength": 16.0,
                   "latencyMs": {"average": 1766.67, "p50": 227, "p90": 5120, "p95": 5120,
                     "p99": 5120},
                   "byIntent": {
                     "metric_lookup": {"count": 2, "groundedRatio": 1.0, "averageLength": 17.0,
                       "latencyMs": {"average": 150.0, "p50": 114, "p90": 227, "p95": 227,
                         "p99": 227}},
                     "trend_analysis": {"count": 1, "groundedRatio": 0.0, "averageLength": 14.0,
                       "latencyMs": {"average": 5000.0, "p50": 5120, "p90": 5120, "p95": 5120,
                         "p99": 5120}}}},
                 "conversations": {"count": 3,
                   "durationMs": {"average": 230000.0, "p50": 68887, "p90": 655360,
                     "p95": 655360, "p99": 655360},
                   "messages": {"total": 15, "average": 5.0},
                   "completionReasons": {"user_ended": 2, "idle_timeout": 1},
                   "feedback": {"count": 2, "rate": 0.6667, "averageRating": 3.5,
                     "distribution": {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}}}}
                """));
  }

  @Test
  void countsTenantsByPlanForTheAdminOnly() {
    for (EventEnvelope event :
        List.of(
            provisioned("2025-02-27T10:00:00Z", Plan.STANDARD),
            provisioned("2025-03-01T00:00:00Z", Plan.TRIAL),
            provisioned("2025-03-31T23:59:59.999Z", Plan.ENTERPRISE),
            provisioned("2025-03-15T12:00:00Z", Plan.TRIAL))) {
      stack.publish(event);
    }

    String admin = "Bearer " + ADMIN_TOKEN;
    await()
        .atMost(EFFECT)
        .until(() -> tenantsByPlan("", "Authorization", admin).json().get("tenants").asLong() == 4);
    Reply reply = tenantsByPlan("?from=2025-03-01&to=2025-03-31", "Authorization", admin);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .isEqualTo(
            JSON.readTree(
                """
                {"tenants": 4, "byPlan": {"trial": 2, "standard": 1, "enterprise": 1},
                 "range": {"from": "2025-03-01", "to": "2025-03-31", "tenants": 3,
                   "byPlan": {"trial": 2, "standard": 0, "enterprise": 1}}}
                """));
    assertThat(tenantsByPlan("", "Authorization", admin).json().has("range")).isFalse();

    assertThat(tenantsByPlan("").status()).isEqualTo(401);
    assertThat(tenantsByPlan("", "Authorization", "Bearer not-the-admin-token-at-all").status())
        .isEqualTo(401);
    Reply withTenantKey = tenantsByPlan("", "X-Api-Key", apiKey);
    assertThat(withTenantKey.status()).isEqualTo(401);
    assertThat(withTenantKey.header("Content-Type")).isEqualTo("application/problem+json");
    // a tenant's analytics do not count other tenants' provisioning
    assertThat(analytics(apiKey, "?from=2025-03-01&to=2025-03-31").json().get("conversations"))
        .isEqualTo(
            JSON.readTree(analytics(apiKey, "?from=1999-01-01&to=1999-01-01").body())
                .get("conversations"));
  }

  @Test
  void theSameEventTwiceCountsOnce() {
    EventEnvelope event = narrative("2025-04-01T12:00:00Z", Intent.FORECAST, "Likely.", true, 300);
    double duplicatesBefore = consumed.duplicate("narrative.generated.v1");
    stack.publish(event);
    stack.publish(event);

    await()
        .atMost(EFFECT)
        .until(() -> consumed.duplicate("narrative.generated.v1") == duplicatesBefore + 1);
    JsonNode json = awaitCounts("?from=2025-04-01&to=2025-04-01", 1, 0);
    assertThat(json.get("narratives").get("latencyMs").get("average").asDouble()).isEqualTo(300.0);
  }

  @Test
  void aFailedWriteIsRedeliveredAndCountsOnce() {
    double failedBefore = consumed.failed(CONVERSATION_COMPLETED);
    analyticsFaults.conflict();
    stack.publish(conversation("2025-04-02T12:00:00Z", 1000, 2, CompletionReason.USER_ENDED, 4));

    JsonNode json = awaitCounts("?from=2025-04-02&to=2025-04-02", 0, 1);
    assertThat(json.get("conversations").get("messages").get("total").asLong()).isEqualTo(2);
    assertThat(consumed.failed(CONVERSATION_COMPLETED)).isEqualTo(failedBefore + 1);
  }

  @Test
  void aWriteThatKeepsFailingEndsInTheDeadLetterQueueHavingChangedNothing() {
    for (int attempt = 0; attempt < 5; attempt++) { // the template's MaxReceiveCount
      analyticsFaults.conflict();
    }
    double failedBefore = consumed.failed(CONVERSATION_COMPLETED);
    EventEnvelope event =
        conversation("2025-04-03T12:00:00Z", 1000, 2, CompletionReason.USER_ENDED, null);
    stack.publish(event);

    List<Message> dead = stack.awaitDeadLettered("analytics", 1, Duration.ofSeconds(60));
    assertThat(JSON.readTree(dead.get(0).body()).get("detail").get("eventId").asString())
        .isEqualTo(event.eventId().toString());
    assertThat(consumed.failed(CONVERSATION_COMPLETED)).isEqualTo(failedBefore + 5);
    assertThat(
            analytics(apiKey, "?from=2025-04-03&to=2025-04-03")
                .json()
                .get("conversations")
                .get("count")
                .asLong())
        .isZero();
  }

  @Test
  void anUnparsableMessageIsDeadLetteredAndTheNextEventIsCounted() {
    stack.sendToQueue("analytics", "not an event");
    stack.publish(narrative("2025-04-04T12:00:00Z", Intent.GREETING, "Hello!", true, 20));

    awaitCounts("?from=2025-04-04&to=2025-04-04", 1, 0);
    List<Message> dead = stack.awaitDeadLettered("analytics", 1, EFFECT);
    assertThat(dead.get(0).body()).isEqualTo("not an event");
    assertThat(dead.get(0).messageAttributes().get("salestalk-dlq-reason").stringValue())
        .startsWith("not valid JSON");
  }

  @Test
  void aTenantSeesOnlyItsOwnAnalyticsAndNeedsItsKey() {
    stack.publish(narrative("2025-04-05T12:00:00Z", Intent.COMPARISON, "A beat B.", true, 40));
    awaitCounts("?from=2025-04-05&to=2025-04-05", 1, 0);

    String otherKey = ApiKeys.generate();
    StackTenants.create(stack, ApiKeys.hash(otherKey));
    JsonNode other = analytics(otherKey, "?from=2025-04-05&to=2025-04-05").json();
    assertThat(other.get("narratives").get("count").asLong()).isZero();
    assertThat(other.get("narratives").get("byIntent")).isEmpty();

    Reply noKey = analytics(null, "?from=2025-04-05&to=2025-04-05");
    assertThat(noKey.status()).isEqualTo(401);
    assertThat(noKey.header("Content-Type")).isEqualTo("application/problem+json");
    Reply adminToken =
        http.send(
            "GET",
            "/api/v1/analytics?from=2025-04-05&to=2025-04-05",
            null,
            "Authorization",
            "Bearer " + ADMIN_TOKEN);
    assertThat(adminToken.status()).isEqualTo(401);
    Reply missingTo = analytics(apiKey, "?from=2025-04-05");
    assertThat(missingTo.status()).isEqualTo(400);
    assertThat(missingTo.json().get("detail").asString())
        .isEqualTo("Invalid to: is required: a day YYYY-MM-DD");
  }

  @Test
  void servesHealthAndItsCommittedOpenApiDocument() {
    Reply health = http.send("GET", "/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    JsonNode served = OpenApiDocuments.assertCommittedIsCurrent(http, "analytics");
    assertThat(served.get("paths").has("/api/v1/analytics")).isTrue();
    assertThat(served.get("paths").has("/api/v1/analytics/tenants-by-plan")).isTrue();
  }
}
