package com.salestalk.benchmarks.contracts;

import com.salestalk.benchmarks.Goal;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import java.time.Clock;
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

/**
 * Build from a payload record + validate + serialize of a classification envelope (≈860 bytes, the
 * busiest event type) against Jackson serialization of the same envelope alone (the floor). Goal:
 * at most 6× the floor, and at least 100,000 validated envelopes per second per core.
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
public class EnvelopeBenchmark {

  private final EnvelopeFactory factory =
      new EnvelopeFactory("chat-handler", Clock.systemUTC(), EventCatalog.standard());
  private final EventValidator validator = EventValidator.strict();
  private final TenantId tenant = EventSamples.SAMPLE_TENANT;
  private ClassificationPerformed payload;
  private Flow flow;
  private EventEnvelope prebuilt;

  /**
   * Prepares one payload and one flow reused by every call, as a producer reuses its request data.
   */
  @Setup
  public void setUp() {
    payload = EventSamples.payload(ClassificationPerformed.class);
    flow = Flow.start().withUser("user-alice").withSession("session-s1");
    prebuilt = factory.create(tenant, payload, flow);
  }

  /** The floor: Jackson serialization of an already built envelope. */
  @Benchmark
  public String floor() {
    return EnvelopeJson.toJson(prebuilt);
  }

  /**
   * What a producer pays per event: new id and timestamp, strict validation, JSON ready to publish.
   */
  @Benchmark
  @Goal(maxRatio = 6, minOpsPerSecond = 100_000)
  public String buildValidateSerialize() {
    return validator.requireValid(factory.create(tenant, payload, flow));
  }
}
