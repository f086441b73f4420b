package com.salestalk.benchmarks.contracts;

import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
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
 * Validation of received event bytes (what a consumer and the command line do) against Jackson
 * {@code readTree} of the same bytes (the floor). Informational: the goals that count are the
 * system-level ones (events per second through the relay and a consumer).
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
public class ValidatorBenchmark {

  private final EventValidator strict = EventValidator.strict();
  private final EventValidator tolerant = EventValidator.tolerant();
  private byte[] json;

  /** One classification event, the busiest type. */
  @Setup
  public void setUp() {
    json =
        EnvelopeJson.toJson(EventSamples.of("classification.performed.v1"))
            .getBytes(StandardCharsets.UTF_8);
  }

  /** The floor: parse the event into a tree. */
  @Benchmark
  public JsonNode floor() {
    return EnvelopeJson.mapper().readTree(json);
  }

  /** Parse and validate as a consumer does (tolerant reader). */
  @Benchmark
  public ValidationResult validateTolerant() {
    return tolerant.validate(json);
  }

  /** Parse and validate as a producer's pre-publish check does (strict). */
  @Benchmark
  public ValidationResult validateStrict() {
    return strict.validate(json);
  }
}
