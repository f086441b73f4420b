package com.salestalk.benchmarks.aws;

import com.salestalk.eventaws.consume.ConsumeOutcome;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.samples.EventSamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Consumer cost per message: unwrap the EventBridge→SQS body, validate {@code detail} tolerantly,
 * bind the envelope and its payload record, build the dedupe requests (answered in-process),
 * dispatch to a no-op handler and record metrics. Against Jackson {@code readTree} of the same
 * message (the floor). Informational: the goals that count are the system-level ones (events per
 * second through a consumer against the emulator).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx256m"})
@Threads(1)
public class ConsumerBenchmark {

  private String message;
  private EventConsumer consumer;

  /** One classification event as an EventBridge rule delivers it to SQS. */
  @Setup
  public void setUp() {
    EventEnvelope event = EventSamples.of("classification.performed.v1");
    message =
        "{\"version\":\"0\",\"id\":\"6f2a5c1e-0000-4000-8000-000000000000\","
            + "\"detail-type\":\"classification.performed.v1\",\"source\":\"salestalk.chat-handler\","
            + "\"time\":\"2026-11-26T10:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
            + "\"detail\":"
            + EnvelopeJson.toJson(event)
            + "}";
    consumer =
        new EventConsumer(
            new ConsumerProperties(
                "insights",
                "local-insights",
                "local-idempotency",
                Duration.ofSeconds(30),
                Duration.ofDays(7),
                Duration.ofMinutes(1)),
            EventHandlers.builder().on(ClassificationPerformed.class, (e, payload) -> {}).build(),
            InMemoryAws.acceptingDynamoDb(),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
  }

  /** The floor: parse the message into a tree. */
  @Benchmark
  public JsonNode floor() {
    return EnvelopeJson.mapper().readTree(message);
  }

  /** Unwrap, validate, dedupe, dispatch, count. */
  @Benchmark
  public ConsumeOutcome consume() {
    return consumer.consume(message);
  }
}
