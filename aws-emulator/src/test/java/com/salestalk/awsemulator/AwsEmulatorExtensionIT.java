package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes through the JUnit engine to see how the extension behaves. */
class AwsEmulatorExtensionIT {

  private static final Environment NO_PYTHON =
      Environment.of(Map.of("SALESTALK_PYTHON", "/nonexistent/python3"), Map.of());

  private static final Environment EXTERNAL_ENDPOINT =
      Environment.of(
          Map.of("SALESTALK_PYTHON", "/nonexistent/python3"),
          Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4599", "AWS_REGION", "eu-west-1"));

  private static final AtomicReference<AwsEndpoint> INJECTED = new AtomicReference<>();

  @Test
  void failsEveryTestClassWithTheGuidanceWhenNoEndpointCanBeHad() {
    EngineExecutionResults results = run(NoEndpointSample.class, AnotherNoEndpointSample.class);

    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(1, failedWithGuidance(NoEndpointSample.class))
        .haveExactly(1, failedWithGuidance(AnotherNoEndpointSample.class));
    results.testEvents().assertStatistics(stats -> stats.skipped(0).aborted(0).succeeded(0));
  }

  @Test
  void usesAwsEndpointUrlWithoutStartingMoto() {
    INJECTED.set(null);

    EngineExecutionResults results = run(ExternalEndpointSample.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(INJECTED.get())
        .isEqualTo(
            new AwsEndpoint(URI.create("http://127.0.0.1:4599"), "eu-west-1", "test", "test"));
  }

  private static EngineExecutionResults run(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(
            "junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
        .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toList())
        .execute();
  }

  private static Condition<Event> failedWithGuidance(Class<?> sample) {
    return event(
        container(sample),
        finishedWithFailure(
            instanceOf(EmulatorUnavailableException.class),
            message(
                m ->
                    m.startsWith(
                        "No AWS endpoint for the tests: the Python command '/nonexistent/python3'"
                            + " could not be run.\nTo get one, either\n"
                            + "  - install moto server: pip install \"moto[server]\""))));
  }

  @Disabled("run by AwsEmulatorExtensionIT through EngineTestKit")
  static class NoEndpointSample {
    @RegisterExtension
    static final AwsEmulatorExtension EMULATOR = new AwsEmulatorExtension(NO_PYTHON);

    @Test
    void needsAnEndpoint(AwsEndpoint endpoint) {}
  }

  @Disabled("run by AwsEmulatorExtensionIT through EngineTestKit")
  static class AnotherNoEndpointSample {
    @RegisterExtension
    static final AwsEmulatorExtension EMULATOR = new AwsEmulatorExtension(NO_PYTHON);

    @Test
    void needsAnEndpointToo(AwsEndpoint endpoint) {}
  }

  @Disabled("run by AwsEmulatorExtensionIT through EngineTestKit")
  static class ExternalEndpointSample {
    @RegisterExtension
    static final AwsEmulatorExtension EMULATOR = new AwsEmulatorExtension(EXTERNAL_ENDPOINT);

    @Test
    void receivesTheConfiguredEndpoint(AwsEndpoint endpoint) {
      INJECTED.set(endpoint);
    }
  }
}
