package com.salestalk.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Each event's additions: which item, which attributes, by how much. */
class AnalyticsTableTest {

  static final AnalyticsTable TABLE =
      new AnalyticsTable(null, new AnalyticsProperties("analytics", 366));

  static EventEnvelope event(String source, String at, EventPayload payload) {
    return new EnvelopeFactory(
            source, Clock.fixed(Instant.parse(at), ZoneOffset.UTC), EventCatalog.standard())
        .create(TenantId.of("tenant-acme"), payload, Flow.start());
  }

  /** The update's additions by attribute name. */
  static Map<String, String> additions(TransactWriteItem write) {
    Update update = write.update();
    Map<String, String> additions = new LinkedHashMap<>();
    update
        .expressionAttributeNames()
        .forEach(
            (placeholder, name) ->
                additions.put(
                    name,
                    update.expressionAttributeValues().get(":" + placeholder.substring(1)).n()));
    return additions;
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  @Test
  void aNarrativeAddsToItsDayAndIntent() {
    NarrativeGenerated narrative =
        new NarrativeGenerated(
            new NarrativeId("nar-1"),
            new MessageId("msg-1"),
            Intent.TREND_ANALYSIS,
            "Revenue grew 5 % — über plan 📈",
            List.of(),
            null,
            true,
            new Component("template-narrator", "2.1.0"),
            5000);
    TransactWriteItem write =
        TABLE.narrative(event("chat-handler", "2025-01-31T23:59:59.999Z", narrative), narrative);
    assertThat(write.update().key())
        .isEqualTo(key("tenant-acme", "narrative#2025-01-31#trend_analysis"));
    assertThat(additions(write))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "narratives", "1",
                "textLength", "30", // code points: the emoji is one (String.length() says 31)
                "latencySumMs", "5000",
                "latencyMs_36", "1", // (4306, 5120]
                "grounded", "1"));
  }

  @Test
  void anUngroundedNarrativeAddsNoGrounded() {
    NarrativeGenerated narrative =
        new NarrativeGenerated(
            new NarrativeId("nar-1"),
            new MessageId("msg-1"),
            Intent.UNKNOWN,
            "?",
            List.of(),
            null,
            false,
            new Component("template-narrator", "2.1.0"),
            0);
    assertThat(
            additions(
                TABLE.narrative(
                    event("chat-handler", "2025-02-01T00:00:00Z", narrative), narrative)))
        .containsOnlyKeys("narratives", "textLength", "latencySumMs", "latencyMs_0");
  }

  @Test
  void aConversationAddsToItsDayWithItsReasonAndRating() {
    ConversationCompleted conversation =
        new ConversationCompleted(
            "2025-02-01T09:00:00Z",
            "2025-02-01T09:05:00Z",
            300_000,
            6,
            Map.of(Intent.METRIC_LOOKUP, 6L),
            CompletionReason.IDLE_TIMEOUT,
            new ConversationCompleted.Feedback(4, "useful"));
    TransactWriteItem write =
        TABLE.conversation(
            event("chat-handler", "2025-02-01T09:05:00Z", conversation), conversation);
    assertThat(write.update().key()).isEqualTo(key("tenant-acme", "conversation#2025-02-01"));
    assertThat(additions(write))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "conversations",
                "1",
                "durationSumMs",
                "300000",
                "durationMs_" + Histogram.bucketOf(300_000),
                "1",
                "messages",
                "6",
                "reason_idle_timeout",
                "1",
                "rating_4",
                "1"));
  }

  @Test
  void aProvisionedTenantAddsToItsPlansTotalAndDayOnly() {
    var tenant =
        new TenantProvisioned(
            "Acme", Plan.ENTERPRISE, "eu-central-1", "EUR", "Europe/Berlin", null);
    List<TransactWriteItem> writes =
        TABLE.tenantProvisioned(
            event("tenant-onboard", "2025-02-01T00:00:00Z", tenant), Plan.ENTERPRISE);
    assertThat(writes).hasSize(2);
    assertThat(writes.get(0).update().key()).isEqualTo(key("plan#enterprise", "total"));
    assertThat(writes.get(1).update().key()).isEqualTo(key("plan#enterprise", "day#2025-02-01"));
    assertThat(writes).allSatisfy(w -> assertThat(additions(w)).isEqualTo(Map.of("tenants", "1")));
  }
}
