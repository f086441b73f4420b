package com.salestalk.insights.classifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.MessageId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The writes of one classification, with the day's sample keys answered by a fake query. */
class InsightsTableTest {

  static final TenantId TENANT = TenantId.of("tenant-acme");
  static final Component CLASSIFIER = new Component("keyword-intent", "1.0.0");

  final List<QueryRequest> queries = new ArrayList<>();
  List<String> heldSampleKeys = List.of();

  final DynamoDbClient dynamo =
      new DynamoDbClient() {
        @Override
        public QueryResponse query(QueryRequest request) {
          queries.add(request);
          return QueryResponse.builder()
              .items(
                  heldSampleKeys.stream().map(k -> Map.of("sk", AttributeValue.fromS(k))).toList())
              .build();
        }

        @Override
        public String serviceName() {
          return "dynamodb";
        }

        @Override
        public void close() {}
      };

  final InsightsTable table =
      new InsightsTable(dynamo, new InsightsProperties("insights", new BigDecimal("0.5"), 2, 366));

  static EventEnvelope classified(String at, Intent intent, double confidence) {
    return new EnvelopeFactory(
            "chat-handler", Clock.fixed(Instant.parse(at), ZoneOffset.UTC), EventCatalog.standard())
        .create(
            TENANT,
            new ClassificationPerformed(
                new MessageId("msg-1"),
                "what about churn?",
                intent,
                confidence,
                null,
                CLASSIFIER,
                12),
            Flow.start().withSession("session-1"));
  }

  List<TransactWriteItem> effects(EventEnvelope event) {
    return table.effects(event, event.payload(ClassificationPerformed.class));
  }

  static Map<String, AttributeValue> key(String sk) {
    return Map.of("tenantId", AttributeValue.fromS("tenant-acme"), "sk", AttributeValue.fromS(sk));
  }

  @Test
  void aConfidentClassificationIsOneAdditionToItsDaysCountersAndNoRead() {
    List<TransactWriteItem> writes =
        effects(classified("2025-01-15T23:59:59.999Z", Intent.METRIC_LOOKUP, 0.82));
    assertThat(queries).isEmpty();
    assertThat(writes).hasSize(1);
    var update = writes.get(0).update();
    assertThat(update.key()).isEqualTo(key("day#2025-01-15"));
    assertThat(update.updateExpression()).isEqualTo("ADD #a0 :a0, #a1 :a1, #a2 :a2, #a3 :a3");
    assertThat(update.expressionAttributeNames())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "#a0", "classifications",
                "#a1", "confidenceSum",
                "#a2", "intent_metric_lookup",
                "#a3", "confidenceSum_metric_lookup"));
    assertThat(update.expressionAttributeValues())
        .isEqualTo(
            Map.of(
                ":a0", AttributeValue.fromN("1"),
                ":a1", AttributeValue.fromN("0.82"),
                ":a2", AttributeValue.fromN("1"),
                ":a3", AttributeValue.fromN("0.82")));
  }

  @Test
  void anUnknownLowConfidenceClassificationIsCountedAndSampled() {
    EventEnvelope event = classified("2025-01-16T00:00:00Z", Intent.UNKNOWN, 0.3);
    List<TransactWriteItem> writes = effects(event);

    assertThat(writes).hasSize(2);
    var counts = writes.get(0).update();
    assertThat(counts.key()).isEqualTo(key("day#2025-01-16"));
    assertThat(counts.expressionAttributeNames()).containsEntry("#a4", "lowConfidence");
    assertThat(counts.expressionAttributeValues()).containsEntry(":a4", AttributeValue.fromN("1"));

    String sampleKey = "sample#2025-01-16T00:00:00.000Z#" + event.eventId();
    Map<String, AttributeValue> expected = new HashMap<>(key(sampleKey));
    expected.put("timestamp", AttributeValue.fromS("2025-01-16T00:00:00Z"));
    expected.put("messageId", AttributeValue.fromS("msg-1"));
    expected.put("utterance", AttributeValue.fromS("what about churn?"));
    expected.put("intent", AttributeValue.fromS("unknown"));
    expected.put("confidence", AttributeValue.fromN("0.3"));
    expected.put(
        "reasons",
        AttributeValue.fromL(
            List.of(
                AttributeValue.fromS("unknown_intent"), AttributeValue.fromS("low_confidence"))));
    expected.put("classifierName", AttributeValue.fromS("keyword-intent"));
    expected.put("classifierVersion", AttributeValue.fromS("1.0.0"));
    assertThat(writes.get(1).put().item()).isEqualTo(expected);

    QueryRequest query = queries.get(0);
    assertThat(query.consistentRead()).isTrue();
    assertThat(query.scanIndexForward()).isFalse();
    assertThat(query.limit()).isEqualTo(3);
    assertThat(query.expressionAttributeValues())
        .containsEntry(":day", AttributeValue.fromS("sample#2025-01-16"));
  }

  @Test
  void theThresholdItselfIsNotLowConfidence() {
    List<TransactWriteItem> writes =
        effects(classified("2025-01-15T10:00:00Z", Intent.FORECAST, 0.5));
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).update().expressionAttributeNames())
        .doesNotContainValue("lowConfidence");
  }

  @Test
  void aFullDayDropsItsOldestSampleForANewerOne() {
    heldSampleKeys =
        List.of("sample#2025-01-15T09:00:00.000Z#b", "sample#2025-01-15T08:00:00.000Z#a");
    List<TransactWriteItem> writes =
        effects(classified("2025-01-15T10:00:00Z", Intent.GREETING, 0.1));
    assertThat(writes).hasSize(3);
    assertThat(writes.get(1).put().item().get("sk").s())
        .startsWith("sample#2025-01-15T10:00:00.000Z#");
    assertThat(writes.get(2).delete().key()).isEqualTo(key("sample#2025-01-15T08:00:00.000Z#a"));
  }

  @Test
  void aSampleOlderThanAFullDaysIsCountedButNotKept() {
    heldSampleKeys =
        List.of("sample#2025-01-15T09:00:00.000Z#b", "sample#2025-01-15T08:00:00.000Z#a");
    List<TransactWriteItem> writes =
        effects(classified("2025-01-15T07:00:00Z", Intent.UNKNOWN, 0.9));
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).update()).isNotNull();
  }
}
