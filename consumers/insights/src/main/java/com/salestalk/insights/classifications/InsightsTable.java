package com.salestalk.insights.classifications;

import com.salestalk.eventaws.consume.CounterUpdate;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.servicekit.query.DateRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The {@code {env}-insights} table (docs/DATA_CONTRACTS.md): per tenant, one counter item per UTC
 * day ({@code day#2025-01-15}) and the day's newest samples ({@code
 * sample#2025-01-15T10:11:12.123Z#<eventId>}, so they sort by time).
 */
final class InsightsTable {

  static final String TENANT = "tenantId";
  static final String SK = "sk";
  static final String CLASSIFICATIONS = "classifications";
  static final String CONFIDENCE_SUM = "confidenceSum";
  static final String LOW_CONFIDENCE = "lowConfidence";

  /** Prefix of an intent's count, e.g. {@code intent_metric_lookup}. */
  static final String INTENT_COUNT = "intent_";

  /** Prefix of an intent's confidence sum, e.g. {@code confidenceSum_metric_lookup}. */
  static final String INTENT_CONFIDENCE = "confidenceSum_";

  private static final String DAY = "day#";
  private static final String SAMPLE = "sample#";

  /** Fixed width (milliseconds always written), so the keys of samples sort by time. */
  private static final DateTimeFormatter SAMPLE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient dynamo;
  private final String table;
  private final BigDecimal lowConfidenceThreshold;
  private final int samplesPerDay;

  InsightsTable(DynamoDbClient dynamo, InsightsProperties properties) {
    this.dynamo = dynamo;
    this.table = properties.table();
    this.lowConfidenceThreshold = properties.lowConfidenceThreshold();
    this.samplesPerDay = properties.samplesPerDay();
  }

  /** The UTC day an event counts on: that of its timestamp. */
  static LocalDate dayOf(Instant timestamp) {
    return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
  }

  /**
   * The writes that count one classification: an addition to its day's counters and, for an unknown
   * or low-confidence one, its sample with the deletes that keep the day at the newest {@code
   * samplesPerDay} (found with one strongly consistent query of the day's sample keys).
   */
  List<TransactWriteItem> effects(EventEnvelope event, ClassificationPerformed classification) {
    String tenant = event.tenantId().value();
    LocalDate day = dayOf(event.timestamp());
    BigDecimal confidence = BigDecimal.valueOf(classification.confidence());
    boolean low = confidence.compareTo(lowConfidenceThreshold) < 0;
    String intent = classification.intent().wire();

    CounterUpdate counts =
        CounterUpdate.of(table, key(tenant, DAY + day))
            .add(CLASSIFICATIONS, 1)
            .add(CONFIDENCE_SUM, confidence)
            .add(INTENT_COUNT + intent, 1)
            .add(INTENT_CONFIDENCE + intent, confidence);
    if (low) {
      counts.add(LOW_CONFIDENCE, 1);
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(counts.build());

    List<String> reasons = new ArrayList<>();
    if (classification.intent() == Intent.UNKNOWN) {
      reasons.add(Sample.UNKNOWN_INTENT);
    }
    if (low) {
      reasons.add(Sample.LOW_CONFIDENCE);
    }
    if (!reasons.isEmpty()) {
      String sampleKey = SAMPLE + SAMPLE_TIME.format(event.timestamp()) + "#" + event.eventId();
      SampleWindow.Trim trim =
          SampleWindow.trim(heldSampleKeys(tenant, day), sampleKey, samplesPerDay);
      if (trim.keepNew()) {
        writes.add(putSample(tenant, sampleKey, event, classification, reasons));
      }
      for (String stale : trim.delete()) {
        writes.add(
            TransactWriteItem.builder()
                .delete(d -> d.tableName(table).key(key(tenant, stale)))
                .build());
      }
    }
    return writes;
  }

  /** The newest {@code samplesPerDay + 1} sample keys of the day: one more, to trim leftovers. */
  private List<String> heldSampleKeys(String tenant, LocalDate day) {
    return dynamo
        .query(
            q ->
                q.tableName(table)
                    .keyConditionExpression("#t = :t AND begins_with(#sk, :day)")
                    .expressionAttributeNames(Map.of("#t", TENANT, "#sk", SK))
                    .expressionAttributeValues(
                        Map.of(
                            ":t", AttributeValue.fromS(tenant),
                            ":day", AttributeValue.fromS(SAMPLE + day)))
                    .projectionExpression("#sk")
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .limit(samplesPerDay + 1))
        .items()
        .stream()
        .map(item -> item.get(SK).s())
        .toList();
  }

  private TransactWriteItem putSample(
      String tenant,
      String sampleKey,
      EventEnvelope event,
      ClassificationPerformed classification,
      List<String> reasons) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenant, sampleKey));
    item.put("timestamp", AttributeValue.fromS(event.timestamp().toString()));
    item.put("messageId", AttributeValue.fromS(classification.messageId().value()));
    item.put("utterance", AttributeValue.fromS(classification.utterance()));
    item.put("intent", AttributeValue.fromS(classification.intent().wire()));
    item.put(
        "confidence",
        AttributeValue.fromN(BigDecimal.valueOf(classification.confidence()).toPlainString()));
    item.put("reasons", AttributeValue.fromL(reasons.stream().map(AttributeValue::fromS).toList()));
    item.put("classifierName", AttributeValue.fromS(classification.classifier().name()));
    item.put("classifierVersion", AttributeValue.fromS(classification.classifier().version()));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  /**
   * What the tenant's classifications of the range say.
   *
   * @param days the days with classifications, earliest first
   * @param samples the newest samples of the range, newest first, at most {@code samplesPerDay}
   */
  record Insights(List<DayCounts> days, List<Sample> samples) {}

  /** The tenant's day counters and newest samples within the range (eventually consistent). */
  Insights read(TenantId tenant, DateRange range) {
    List<DayCounts> days =
        range(tenant, DAY + range.from(), DAY + range.to(), true, null)
            .map(InsightsTable::dayCounts)
            .toList();
    // "~" sorts after the "T" of every time on the last day
    List<Sample> samples =
        range(tenant, SAMPLE + range.from(), SAMPLE + range.to() + "~", false, samplesPerDay)
            .limit(samplesPerDay)
            .map(InsightsTable::sample)
            .toList();
    return new Insights(days, samples);
  }

  /**
   * The tenant's items with a sort key from {@code fromSk} to {@code toSk}, in key order or
   * reversed, read in pages of {@code pageSize} items (null: DynamoDB's 1 MB pages).
   */
  private Stream<Map<String, AttributeValue>> range(
      TenantId tenant, String fromSk, String toSk, boolean ascending, Integer pageSize) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#t = :t AND #sk BETWEEN :from AND :to")
            .expressionAttributeNames(Map.of("#t", TENANT, "#sk", SK))
            .expressionAttributeValues(
                Map.of(
                    ":t", AttributeValue.fromS(tenant.value()),
                    ":from", AttributeValue.fromS(fromSk),
                    ":to", AttributeValue.fromS(toSk)))
            .scanIndexForward(ascending)
            .limit(pageSize)
            .build();
    return dynamo.queryPaginator(request).items().stream();
  }

  static DayCounts dayCounts(Map<String, AttributeValue> item) {
    Map<Intent, DayCounts.IntentCounts> intents = new EnumMap<>(Intent.class);
    for (Intent intent : Intent.values()) {
      long count = number(item, INTENT_COUNT + intent.wire()).longValueExact();
      if (count > 0) {
        intents.put(
            intent,
            new DayCounts.IntentCounts(count, number(item, INTENT_CONFIDENCE + intent.wire())));
      }
    }
    return new DayCounts(
        LocalDate.parse(item.get(SK).s().substring(DAY.length())),
        number(item, CLASSIFICATIONS).longValueExact(),
        number(item, CONFIDENCE_SUM),
        number(item, LOW_CONFIDENCE).longValueExact(),
        intents);
  }

  private static Sample sample(Map<String, AttributeValue> item) {
    return new Sample(
        Instant.parse(item.get("timestamp").s()),
        item.get("messageId").s(),
        item.get("utterance").s(),
        intentOf(item.get("intent").s()),
        Double.parseDouble(item.get("confidence").n()),
        item.get("reasons").l().stream().map(AttributeValue::s).toList(),
        new Component(item.get("classifierName").s(), item.get("classifierVersion").s()));
  }

  /** The intent of its JSON name ({@link Intent#wire()}). */
  private static Intent intentOf(String wire) {
    return Intent.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** A number attribute, 0 when the item has none. */
  private static BigDecimal number(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.n());
  }

  private static Map<String, AttributeValue> key(String tenant, String sk) {
    return Map.of(TENANT, AttributeValue.fromS(tenant), SK, AttributeValue.fromS(sk));
  }
}
