package com.salestalk.analytics.statistics;

import com.salestalk.eventaws.consume.CounterUpdate;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.events.Plan;
import com.salestalk.servicekit.query.DateRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The {@code {env}-analytics} table (docs/DATA_CONTRACTS.md). Under a tenant's id: one counter item
 * per UTC day and intent for narratives ({@code narrative#2025-01-15#metric_lookup}) and one per
 * day for conversations ({@code conversation#2025-01-15}). Under {@code plan#<plan>}: the plan's
 * tenants ({@code total}) and those provisioned per day ({@code day#2025-01-15}). Every write is an
 * addition, so events never need a read or a condition.
 */
final class AnalyticsTable {

  static final String PK = "pk";
  static final String SK = "sk";

  static final String NARRATIVES = "narratives";
  static final String GROUNDED = "grounded";
  static final String TEXT_LENGTH = "textLength";
  static final String LATENCY_SUM = "latencySumMs";

  /** Prefix of a latency bucket's count, e.g. {@code latencyMs_17}. */
  static final String LATENCY_BUCKET = "latencyMs_";

  static final String CONVERSATIONS = "conversations";
  static final String DURATION_SUM = "durationSumMs";

  /** Prefix of a duration bucket's count, e.g. {@code durationMs_40}. */
  static final String DURATION_BUCKET = "durationMs_";

  static final String MESSAGES = "messages";

  /** Prefix of a completion reason's count, e.g. {@code reason_idle_timeout}. */
  static final String REASON = "reason_";

  /** Prefix of a rating's count, e.g. {@code rating_5}. */
  static final String RATING = "rating_";

  static final String TENANTS = "tenants";

  private static final String NARRATIVE = "narrative#";
  private static final String CONVERSATION = "conversation#";
  private static final String PLAN = "plan#";
  private static final String TOTAL = "total";
  private static final String DAY = "day#";

  private final DynamoDbClient dynamo;
  private final String table;

  AnalyticsTable(DynamoDbClient dynamo, AnalyticsProperties properties) {
    this.dynamo = dynamo;
    this.table = properties.table();
  }

  /** The UTC day an event counts on: that of its timestamp. */
  static LocalDate dayOf(Instant timestamp) {
    return LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
  }

  // ---------------------------------------------------------------- writes

  /** A narrative: an addition to its day and intent's counters. */
  TransactWriteItem narrative(EventEnvelope event, NarrativeGenerated narrative) {
    String sk = NARRATIVE + dayOf(event.timestamp()) + "#" + narrative.intent().wire();
    CounterUpdate counts =
        CounterUpdate.of(table, key(event.tenantId().value(), sk))
            .add(NARRATIVES, 1)
            .add(TEXT_LENGTH, narrative.text().codePointCount(0, narrative.text().length()))
            .add(LATENCY_SUM, narrative.latencyMs())
            .add(LATENCY_BUCKET + Histogram.bucketOf(narrative.latencyMs()), 1);
    if (narrative.grounded()) {
      counts.add(GROUNDED, 1);
    }
    return counts.build();
  }

  /** A finished conversation: an addition to its day's counters. */
  TransactWriteItem conversation(EventEnvelope event, ConversationCompleted conversation) {
    String sk = CONVERSATION + dayOf(event.timestamp());
    CounterUpdate counts =
        CounterUpdate.of(table, key(event.tenantId().value(), sk))
            .add(CONVERSATIONS, 1)
            .add(DURATION_SUM, conversation.durationMs())
            .add(DURATION_BUCKET + Histogram.bucketOf(conversation.durationMs()), 1)
            .add(MESSAGES, conversation.messageCount())
            .add(REASON + conversation.completionReason().wire(), 1);
    if (conversation.feedback() != null) {
      counts.add(RATING + conversation.feedback().rating(), 1);
    }
    return counts.build();
  }

  /**
   * A provisioned tenant: additions to its plan's total and to the plan's day. Each plan's items
   * have their own partition key, written once per new tenant of the plan.
   */
  List<TransactWriteItem> tenantProvisioned(EventEnvelope event, Plan plan) {
    String pk = PLAN + plan.wire();
    return List.of(
        CounterUpdate.of(table, key(pk, TOTAL)).add(TENANTS, 1).build(),
        CounterUpdate.of(table, key(pk, DAY + dayOf(event.timestamp()))).add(TENANTS, 1).build());
  }

  // ---------------------------------------------------------------- reads

  /**
   * The tenant's narratives of the range, by intent (eventually consistent).
   *
   * @return per intent with narratives, the counts summed over the range's days
   */
  Map<Intent, NarrativeCounts> narratives(TenantId tenant, DateRange range) {
    Map<Intent, NarrativeCounts> byIntent = new EnumMap<>(Intent.class);
    // "~" sorts after every intent of the last day
    items(tenant.value(), NARRATIVE + range.from(), NARRATIVE + range.to() + "#~")
        .forEach(
            item -> {
              String sk = item.get(SK).s();
              Intent intent = intentOf(sk.substring(sk.lastIndexOf('#') + 1));
              byIntent.merge(intent, narrativeCounts(item), NarrativeCounts::plus);
            });
    return byIntent;
  }

  /** The tenant's conversations that ended in the range, summed (eventually consistent). */
  ConversationCounts conversations(TenantId tenant, DateRange range) {
    return items(tenant.value(), CONVERSATION + range.from(), CONVERSATION + range.to())
        .map(AnalyticsTable::conversationCounts)
        .reduce(ConversationCounts.none(), ConversationCounts::plus);
  }

  /** Every plan's tenants so far (strongly consistent; one item per plan). */
  Map<Plan, Long> tenantsByPlan() {
    Map<Plan, Long> tenants = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      Map<String, AttributeValue> item =
          dynamo
              .getItem(
                  g -> g.tableName(table).key(key(PLAN + plan.wire(), TOTAL)).consistentRead(true))
              .item();
      tenants.put(plan, number(item, TENANTS));
    }
    return tenants;
  }

  /** Every plan's tenants provisioned in the range (eventually consistent). */
  Map<Plan, Long> provisionedByPlan(DateRange range) {
    Map<Plan, Long> tenants = new EnumMap<>(Plan.class);
    for (Plan plan : Plan.values()) {
      tenants.put(
          plan,
          items(PLAN + plan.wire(), DAY + range.from(), DAY + range.to())
              .mapToLong(item -> number(item, TENANTS))
              .sum());
    }
    return tenants;
  }

  /** Every item of the partition {@code pk} with a sort key from {@code fromSk} to {@code toSk}. */
  private Stream<Map<String, AttributeValue>> items(String pk, String fromSk, String toSk) {
    return dynamo
        .queryPaginator(
            q ->
                q.tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS(pk),
                            ":from", AttributeValue.fromS(fromSk),
                            ":to", AttributeValue.fromS(toSk))))
        .items()
        .stream();
  }

  static NarrativeCounts narrativeCounts(Map<String, AttributeValue> item) {
    return new NarrativeCounts(
        number(item, NARRATIVES),
        number(item, GROUNDED),
        number(item, TEXT_LENGTH),
        number(item, LATENCY_SUM),
        histogram(item, LATENCY_BUCKET));
  }

  static ConversationCounts conversationCounts(Map<String, AttributeValue> item) {
    Map<CompletionReason, Long> reasons = new EnumMap<>(CompletionReason.class);
    for (CompletionReason reason : CompletionReason.values()) {
      long n = number(item, REASON + reason.wire());
      if (n > 0) {
        reasons.put(reason, n);
      }
    }
    Map<Integer, Long> ratings = new HashMap<>();
    for (int stars = ConversationCounts.MIN_RATING;
        stars <= ConversationCounts.MAX_RATING;
        stars++) {
      long n = number(item, RATING + stars);
      if (n > 0) {
        ratings.put(stars, n);
      }
    }
    return new ConversationCounts(
        number(item, CONVERSATIONS),
        number(item, DURATION_SUM),
        histogram(item, DURATION_BUCKET),
        number(item, MESSAGES),
        reasons,
        ratings);
  }

  private static Histogram histogram(Map<String, AttributeValue> item, String prefix) {
    Histogram histogram = Histogram.empty();
    for (int bucket = 0; bucket < Histogram.BUCKETS; bucket++) {
      histogram.add(bucket, number(item, prefix + bucket));
    }
    return histogram;
  }

  /** The intent of its JSON name ({@link Intent#wire()}). */
  private static Intent intentOf(String wire) {
    return Intent.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** A whole-number attribute, 0 when the item (or the attribute) is absent. */
  private static long number(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item == null ? null : item.get(attribute);
    return value == null ? 0 : new BigDecimal(value.n()).longValueExact();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }
}
