package com.salestalk.benchmarks.aws;

import com.salestalk.benchmarks.Goal;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventaws.publish.PublisherProperties;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Publisher cost per event, ten classification envelopes (≈860 bytes each) per publish call, i.e.
 * one PutEvents: strict validation, serialization, entry sizing, batching and metrics. Against
 * Jackson serialization of the same envelopes (the contracts floor). {@code publish} answers from
 * an in-process EventBridge client object; {@code publishThroughSdk} goes through the real AWS SDK
 * client (marshalling, SigV4 signing, response parsing) with an in-memory HTTP client. Every figure
 * is per event.
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
public class PublisherBenchmark {

  private static final int BATCH = 10;

  private List<EventEnvelope> events;
  private EventBridgePublisher publisher;
  private EventBridgePublisher sdkPublisher;

  /** Ten envelopes and two publishers; metrics go to a simple registry, as in an app. */
  @Setup
  public void setUp() {
    events =
        IntStream.range(0, BATCH)
            .mapToObj(i -> EventSamples.of("classification.performed.v1"))
            .toList();
    // the salestalk.publisher.* defaults
    PublisherProperties properties =
        new PublisherProperties(
            true, "salestalk", 4, Duration.ofMillis(100), Duration.ofSeconds(2));
    publisher =
        new EventBridgePublisher(
            InMemoryAws.acceptingEventBridge(),
            properties,
            new PublishMetrics(new SimpleMeterRegistry(), EventCatalog.standard()));
    sdkPublisher =
        new EventBridgePublisher(
            InMemoryAws.sdkEventBridge(BATCH),
            properties,
            new PublishMetrics(new SimpleMeterRegistry(), EventCatalog.standard()));
  }

  /** The floor: Jackson serialization of each envelope. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void floor(Blackhole blackhole) {
    for (EventEnvelope event : events) {
      blackhole.consume(EnvelopeJson.toJson(event));
    }
  }

  /** Validate, serialize, size, batch, count: what the kit adds per published event. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Goal(maxRatio = 10)
  public PublishResult publish() {
    return publisher.publish(events);
  }

  /** The same through the real SDK client: what a producer pays per event short of the network. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public PublishResult publishThroughSdk() {
    return sdkPublisher.publish(events);
  }
}
