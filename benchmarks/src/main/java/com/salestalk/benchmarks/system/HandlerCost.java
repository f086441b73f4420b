package com.salestalk.benchmarks.system;

import com.salestalk.analytics.statistics.AnalyticsHandlers;
import com.salestalk.analytics.statistics.AnalyticsProperties;
import com.salestalk.eventaws.consume.ConsumeOutcome;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.CounterUpdate;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
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
import com.salestalk.insights.classifications.ClassificationHandlers;
import com.salestalk.insights.classifications.InsightsProperties;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The per-event cost of the insights and analytics handlers against the emulator. Each event is
 * handled by the kit's {@link EventConsumer} (unwrap, tolerant validation, binding, the dedupe
 * lease, the handler, the completion) three ways: with a handler that writes nothing (the kit's
 * claim and done record: two PutItems), with a handler that adds one to one item (the completion
 * becomes a transaction of two items: what any exactly-once effect costs at least), and with the
 * consumer's real handlers. The last two differ by what the handler itself adds; the DynamoDB calls
 * and transaction items per event show where it goes. No SQS: the queue costs every consumer the
 * same ({@code ConsumerThroughput} measures it).
 *
 * <p>Each round makes {@code events} new events per case, spread over four tenants on today's UTC
 * day, as their producers would (chat-handler, tenant-onboard), in new tables (moto's transactions
 * slow as a table grows), and runs the three ways alternately in chunks of ten events, so changes
 * of the machine's load hit all three alike. The "sampled" classifications are unknown intents:
 * once a tenant's day holds its 20 samples, each costs a query of the day's sample keys, the new
 * sample and the delete of the oldest.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.HandlerCost [events=100] [rounds=3]}; {@code AWS_ENDPOINT_URL}
 * points it at a running emulator instead of starting moto.
 */
public final class HandlerCost {

  private static final List<TenantId> TENANTS =
      List.of(
          TenantId.of("tenant-bench-a"),
          TenantId.of("tenant-bench-b"),
          TenantId.of("tenant-bench-c"),
          TenantId.of("tenant-bench-d"));
  private static final Component CLASSIFIER = new Component("keyword-intent", "1.0.0");
  private static final String TRANSACTION_ITEMS = "(items in TransactWriteItems)";
  private static final int CHUNK = 10;

  private HandlerCost() {}

  /** A kind of event and the handlers of its consumer, given the round's tables. */
  private record Case(
      String name, IntFunction<EventEnvelope> event, Function<Tables, EventHandlers> handlers) {}

  /** The tables of one round: new ones, so moto's transaction cost does not grow over rounds. */
  private record Tables(
      String dedupe,
      String dedupeOne,
      String dedupeHandler,
      String insights,
      String analytics,
      String scratch) {

    static Tables create(DynamoDbClient dynamo) {
      return new Tables(
          EmulatedAws.createIdempotencyTable(dynamo),
          EmulatedAws.createIdempotencyTable(dynamo),
          EmulatedAws.createIdempotencyTable(dynamo),
          createTable(dynamo, "bench-insights", "tenantId"),
          createTable(dynamo, "bench-analytics", "pk"),
          createTable(dynamo, "bench-scratch", "pk"));
    }
  }

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) {
    Rounds rounds = Rounds.from(args, 100, 3);
    Map<String, Long> calls = new ConcurrentHashMap<>();
    AtomicBoolean counting = new AtomicBoolean();
    ExecutionInterceptor counter =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes attributes) {
            if (!counting.get()) {
              return;
            }
            calls.merge(
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1L, Long::sum);
            if (c.request() instanceof TransactWriteItemsRequest transaction) {
              calls.merge(TRANSACTION_ITEMS, (long) transaction.transactItems().size(), Long::sum);
            }
          }
        };
    try (EmulatedAws aws = EmulatedAws.start();
        DynamoDbClient dynamo = aws.dynamo(counter)) {
      List<Case> cases =
          List.of(
              new Case(
                  "insights classification (counted)",
                  i -> classified(i, Intent.METRIC_LOOKUP, 0.9),
                  t -> insights(dynamo, t)),
              new Case(
                  "insights classification (sampled)",
                  i -> classified(i, Intent.UNKNOWN, 0.2),
                  t -> insights(dynamo, t)),
              new Case("analytics narrative", HandlerCost::narrative, t -> analytics(dynamo, t)),
              new Case(
                  "analytics conversation", HandlerCost::conversation, t -> analytics(dynamo, t)),
              new Case(
                  "analytics tenant.provisioned",
                  HandlerCost::provisioned,
                  t -> analytics(dynamo, t)));
      System.out.printf(
          "HandlerCost: %d events per case x %d rounds after a warm-up, %s%n",
          rounds.events(), rounds.rounds(), aws.describe());

      Map<String, Map<String, Long>> callsPerCase = new LinkedHashMap<>();
      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                Map<String, Double> measured = new LinkedHashMap<>();
                for (Case c : cases) {
                  Tables tables = Tables.create(dynamo);
                  List<String> bodies = new ArrayList<>(rounds.events());
                  for (int i = 0; i < rounds.events(); i++) {
                    bodies.add(TestEvents.eventBridgeBody(c.event().apply(i)));
                  }
                  // each with its own dedupe table: moto's transactions slow as a table grows
                  List<EventConsumer> consumers =
                      List.of(
                          consumer(dynamo, tables.dedupe(), nothing()),
                          consumer(dynamo, tables.dedupeOne(), oneItem(tables)),
                          consumer(dynamo, tables.dedupeHandler(), c.handlers().apply(tables)));
                  long[] nanos = new long[consumers.size()];
                  calls.clear();
                  // alternated in chunks, so a change of the machine's load hits all three alike
                  for (int from = 0; from < bodies.size(); from += CHUNK) {
                    List<String> chunk =
                        bodies.subList(from, Math.min(from + CHUNK, bodies.size()));
                    for (int k = 0; k < consumers.size(); k++) {
                      counting.set(k == consumers.size() - 1);
                      nanos[k] += handle(consumers.get(k), chunk);
                    }
                  }
                  counting.set(false);
                  callsPerCase.put(c.name(), new TreeMap<>(calls));
                  measured.put(c.name() + ": kit alone", nanos[0] / 1000.0 / bodies.size());
                  measured.put(
                      c.name() + ": kit + 1-item effect", nanos[1] / 1000.0 / bodies.size());
                  measured.put(c.name() + ": handler", nanos[2] / 1000.0 / bodies.size());
                }
                return measured;
              });

      System.out.println();
      System.out.println("== RESULT HandlerCost (us per event) ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      callsPerCase.forEach(
          (name, counts) ->
              System.out.println(
                  "DynamoDB calls per event, " + name + ": " + perEvent(counts, rounds.events())));
    }
  }

  private static EventHandlers insights(DynamoDbClient dynamo, Tables tables) {
    return ClassificationHandlers.of(
        dynamo, new InsightsProperties(tables.insights(), new BigDecimal("0.5"), 20, 366));
  }

  private static EventHandlers analytics(DynamoDbClient dynamo, Tables tables) {
    return AnalyticsHandlers.of(dynamo, new AnalyticsProperties(tables.analytics(), 366));
  }

  private static final List<Class<? extends EventPayload>> TYPES =
      List.of(
          ClassificationPerformed.class,
          NarrativeGenerated.class,
          ConversationCompleted.class,
          TenantProvisioned.class);

  /** Handles every type the cases publish and writes nothing: the kit's claim and done record. */
  private static EventHandlers nothing() {
    EventHandlers.Builder builder = EventHandlers.builder();
    TYPES.forEach(type -> builder.on(type, (event, payload) -> {}));
    return builder.build();
  }

  /** Adds one to one item per event: the kit's completion as a transaction of two items. */
  private static EventHandlers oneItem(Tables tables) {
    EventHandlers.Builder builder = EventHandlers.builder();
    TYPES.forEach(
        type ->
            builder.onTransactional(
                type,
                (event, payload, effects) ->
                    effects.add(
                        CounterUpdate.of(
                                tables.scratch(),
                                Map.of(
                                    "pk", AttributeValue.fromS(event.tenantId().value()),
                                    "sk", AttributeValue.fromS("events")))
                            .add("events", 1)
                            .build())));
    return builder.build();
  }

  private static EventConsumer consumer(
      DynamoDbClient dynamo, String dedupeTable, EventHandlers handlers) {
    ConsumerProperties properties =
        new ConsumerProperties(
            "bench",
            "unused-queue",
            dedupeTable,
            Duration.ofSeconds(30),
            Duration.ofDays(7),
            Duration.ofMinutes(1));
    return new EventConsumer(
        properties, handlers, dynamo, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  /** Nanoseconds to handle the bodies, each once. */
  private static long handle(EventConsumer consumer, List<String> bodies) {
    long start = System.nanoTime();
    for (String body : bodies) {
      ConsumeOutcome outcome = consumer.consume(body);
      if (outcome.status() != ConsumeOutcome.Status.PROCESSED) {
        throw new IllegalStateException("not processed: " + outcome);
      }
    }
    return System.nanoTime() - start;
  }

  private static EventEnvelope event(String producer, int i, EventPayload payload) {
    return new EnvelopeFactory(producer, Clock.systemUTC(), EventCatalog.standard())
        .create(TENANTS.get(i % TENANTS.size()), payload, Flow.start().withSession("session-" + i));
  }

  private static EventEnvelope classified(int i, Intent intent, double confidence) {
    return event(
        "chat-handler",
        i,
        new ClassificationPerformed(
            new MessageId("msg-" + i),
            "how did revenue do in the west last quarter, compared to plan?",
            intent,
            confidence,
            null,
            CLASSIFIER,
            12));
  }

  private static EventEnvelope narrative(int i) {
    return event(
        "chat-handler",
        i,
        new NarrativeGenerated(
            new NarrativeId("nar-" + i),
            new MessageId("msg-" + i),
            Intent.values()[i % Intent.values().length],
            "Revenue in the West reached 1.35M in Q3 2026, 4 % above plan and 12 % above Q2.",
            List.of(
                new NarrativeGenerated.MetricUsed("revenue", "Q3 2026", new BigDecimal("1350000"))),
            null,
            i % 5 != 0,
            new Component("template-narrator", "2.1.0"),
            50L + (i * 37L) % 3000));
  }

  private static EventEnvelope conversation(int i) {
    long duration = 30_000L + (i * 7919L) % 1_800_000;
    return event(
        "chat-handler",
        i,
        new ConversationCompleted(
            "2026-01-01T10:00:00Z",
            "2026-01-01T10:30:00Z",
            duration,
            1 + i % 12,
            Map.of(Intent.METRIC_LOOKUP, 1L + i % 12),
            i % 3 == 0 ? CompletionReason.IDLE_TIMEOUT : CompletionReason.USER_ENDED,
            i % 2 == 0 ? new ConversationCompleted.Feedback(1 + i % 5, null) : null));
  }

  private static EventEnvelope provisioned(int i) {
    return event(
        "tenant-onboard",
        i,
        new TenantProvisioned(
            "Tenant " + i,
            Plan.values()[i % Plan.values().length],
            "us-east-1",
            "USD",
            "UTC",
            null));
  }

  /** A table with a string hash key and the string range key {@code sk}; returns its name. */
  private static String createTable(DynamoDbClient dynamo, String base, String hashKey) {
    String name = AwsResources.unique(base);
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName(hashKey).attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                    k -> k.attributeName(hashKey).keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    return name;
  }

  private static String perEvent(Map<String, Long> calls, int events) {
    StringBuilder out = new StringBuilder();
    calls.forEach(
        (operation, count) ->
            out.append(out.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", operation, count / (double) events)));
    return out.toString();
  }
}
