package com.salestalk.benchmarks.system;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventaws.outbox.OutboxProperties;
import com.salestalk.eventaws.outbox.OutboxRelay;
import com.salestalk.eventaws.outbox.RelayRun;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublisherProperties;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.validation.EventValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Events/s through the producer side: the kit's real {@link Outbox} (strict validation, one
 * TransactWriteItems per batch of {@value #WRITE_BATCH} events) and {@link OutboxRelay} (shard
 * lease, index query, BatchGetItem, PutEvents, BatchWriteItem deletes) against the emulator, next
 * to a floor measured in the same round: plain PutEvents calls of 10 entries carrying the same
 * events to the same bus.
 *
 * <p>Each round writes {@code events} valid sample events of every catalog type, each with its own
 * eventId, then drains the outbox with {@link OutboxRelay#runOnce()} until nothing is left (the
 * scheduling pause between relay ticks is left out), then publishes the floor. The bus has no
 * rules: routing is EventBridge's cost, not the kit's. SDK interceptors count the outbox's DynamoDB
 * calls per event by operation, and the time the drain spends in each kind of call (PutEvents
 * included). After the rounds, the strict validation of the same events is timed in-process.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.RelayThroughput [events=400] [rounds=3]} (or {@code -Devents=...
 * -Drounds=...}); {@code AWS_ENDPOINT_URL} points it at a running emulator instead of starting
 * moto.
 */
public final class RelayThroughput {

  static final int WRITE_BATCH = 25;

  private static final String WRITE = "outbox write events/s";
  private static final String DRAIN = "relay drain events/s";
  private static final String END_TO_END = "write+drain events/s";
  private static final String FLOOR = "floor PutEvents events/s";
  private static final String RATIO = "relay drain / floor, %";

  private RelayThroughput() {}

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) {
    Rounds rounds = Rounds.from(args, 400, 3);
    CallCounter calls = new CallCounter();
    CallCounter putEvents = new CallCounter();
    try (EmulatedAws aws = EmulatedAws.start();
        DynamoDbClient dynamo = aws.dynamo(calls);
        EventBridgeClient events = aws.events(putEvents)) {
      String table = EmulatedAws.createOutboxTable(dynamo);
      String bus = EmulatedAws.createBus(events);
      MeterRegistry registry = new SimpleMeterRegistry();
      PublishMetrics metrics = new PublishMetrics(registry, EventCatalog.standard());
      EventValidator strict = EventValidator.strict();
      OutboxProperties properties =
          bind(
              OutboxProperties.PREFIX,
              OutboxProperties.class,
              Map.of("enabled", "true", "table", table, "relay.instance-id", "bench-relay"));
      Outbox outbox = new Outbox(dynamo, properties, metrics, Clock.systemUTC());
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              bind(PublisherProperties.PREFIX, PublisherProperties.class, Map.of("bus-name", bus)),
              metrics);
      OutboxRelay relay =
          new OutboxRelay(dynamo, publisher, properties, metrics, registry, Clock.systemUTC());
      System.out.printf(
          "RelayThroughput: %d events x %d rounds after a warm-up, %s%n",
          rounds.events(), rounds.rounds(), aws.describe());

      Map<String, Long> writeCalls = new TreeMap<>();
      Map<String, Long> drainCalls = new TreeMap<>();
      Map<String, Long> drainNanos = new TreeMap<>();
      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                List<EventEnvelope> batch = rounds.sampleEvents();
                calls.reset();
                Rounds.CpuTime cpu = Rounds.CpuTime.now();
                long write = write(outbox, batch);
                writeCalls.clear();
                writeCalls.putAll(calls.reset());
                putEvents.reset();
                long drain = drain(relay, batch.size());
                drainNanos.clear();
                drainNanos.putAll(calls.nanos());
                drainNanos.putAll(putEvents.nanos());
                drainCalls.clear();
                drainCalls.putAll(calls.reset());
                putEvents.reset();
                Rounds.CpuTime cpuAfter = Rounds.CpuTime.now();
                long floor = putEvents(events, bus, batch);
                Map<String, Double> measured = new LinkedHashMap<>();
                measured.put(WRITE, Rounds.perSecond(batch.size(), write));
                measured.put(DRAIN, Rounds.perSecond(batch.size(), drain));
                measured.put(END_TO_END, Rounds.perSecond(batch.size(), write + drain));
                measured.put(FLOOR, Rounds.perSecond(batch.size(), floor));
                measured.put(RATIO, 100.0 * floor / drain);
                cpuAfter.putSince(cpu, batch.size(), measured);
                return measured;
              });

      double validateMicros = Rounds.microsPerItem(rounds.sampleEvents(), strict::requireValid);
      double medianWrite = Rounds.median(results.get(WRITE));
      System.out.println();
      System.out.println("== RESULT RelayThroughput ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      System.out.println(
          "DynamoDB calls per event, write: " + perEvent(writeCalls, rounds.events()));
      System.out.println(
          "DynamoDB calls per event, drain: " + perEvent(drainCalls, rounds.events()));
      System.out.println(
          "ms per event in each call, drain (last round): "
              + millisPerEvent(drainNanos, rounds.events()));
      System.out.printf(
          "strict requireValid in-process: %.1f us/event = %.2f %% of the %.0f us per event"
              + " written at the median rate%n",
          validateMicros, validateMicros * medianWrite / 1e4, 1e6 / medianWrite);
    }
  }

  /**
   * {@code type} bound from {@code values} under {@code prefix} as a Spring application binds it,
   * so every value not given is the property's default.
   */
  private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
    Map<String, String> properties = new LinkedHashMap<>();
    values.forEach((key, value) -> properties.put(prefix + "." + key, value));
    return new Binder(new MapConfigurationPropertySource(properties)).bind(prefix, type).get();
  }

  private static long write(Outbox outbox, List<EventEnvelope> events) {
    long start = System.nanoTime();
    for (int from = 0; from < events.size(); from += WRITE_BATCH) {
      outbox.write(List.of(), events.subList(from, Math.min(from + WRITE_BATCH, events.size())));
    }
    return System.nanoTime() - start;
  }

  /** Nanoseconds the relay needs to publish and delete every entry. */
  private static long drain(OutboxRelay relay, int expected) {
    long start = System.nanoTime();
    int published = 0;
    RelayRun run;
    do {
      run = relay.runOnce();
      published += run.published();
      if (run.retried() + run.parked() > 0) {
        throw new IllegalStateException("the relay could not publish everything: " + run);
      }
    } while (run.claimed() > 0);
    long nanos = System.nanoTime() - start;
    if (published != expected) {
      throw new IllegalStateException("published " + published + " of " + expected + " entries");
    }
    return nanos;
  }

  /** The floor: the same events in PutEvents calls of 10, nothing else. */
  private static long putEvents(EventBridgeClient events, String bus, List<EventEnvelope> batch) {
    List<PutEventsRequestEntry> entries =
        batch.stream()
            .map(
                event ->
                    PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source(EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source())
                        .detailType(event.eventType().toString())
                        .detail(EnvelopeJson.toJson(event))
                        .build())
            .toList();
    long start = System.nanoTime();
    for (int from = 0; from < entries.size(); from += 10) {
      List<PutEventsRequestEntry> call = entries.subList(from, Math.min(from + 10, entries.size()));
      PutEventsResponse response = events.putEvents(b -> b.entries(call));
      if (response.failedEntryCount() > 0) {
        throw new IllegalStateException("PutEvents failed: " + response.entries());
      }
    }
    return System.nanoTime() - start;
  }

  private static String perEvent(Map<String, Long> calls, int events) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> call : calls.entrySet()) {
      if (call.getValue() == 0) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT, "%s %.2f, ", call.getKey(), call.getValue() / (double) events));
      total += call.getValue();
    }
    return out.append(String.format(Locale.ROOT, "total %.2f", total / (double) events)).toString();
  }

  private static String millisPerEvent(Map<String, Long> nanos, int events) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    for (Map.Entry<String, Long> call : nanos.entrySet()) {
      if (call.getValue() == 0) {
        continue;
      }
      out.append(
          String.format(Locale.ROOT, "%s %.2f, ", call.getKey(), call.getValue() / 1e6 / events));
      total += call.getValue();
    }
    return out.append(String.format(Locale.ROOT, "total %.2f", total / 1e6 / events)).toString();
  }

  /** Counts the API calls of a client, and the time spent in them, by operation. */
  private static final class CallCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED =
        new ExecutionAttribute<>("bench.started");
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(
        Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
      executionAttributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(
        Context.AfterExecution context, ExecutionAttributes executionAttributes) {
      String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
      nanos
          .computeIfAbsent(operation, k -> new LongAdder())
          .add(System.nanoTime() - executionAttributes.getAttribute(STARTED));
    }

    /** Nanoseconds spent in calls since the last {@link #reset()}, by operation. */
    Map<String, Long> nanos() {
      Map<String, Long> spent = new TreeMap<>();
      nanos.forEach((operation, sum) -> spent.put(operation, sum.sum()));
      return spent;
    }

    /** The counts so far; counts and times start again from zero. */
    Map<String, Long> reset() {
      Map<String, Long> counts = new TreeMap<>();
      calls.forEach((operation, count) -> counts.put(operation, count.sumThenReset()));
      nanos.values().forEach(LongAdder::reset);
      return counts;
    }
  }
}
