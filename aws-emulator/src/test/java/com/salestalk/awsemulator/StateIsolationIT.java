package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs two top-level test classes in a fixed order through the JUnit engine: the first creates a
 * queue, the second must not see it because the extension resets moto before each class. Reset
 * applies to a moto the harness starts, so the samples ignore AWS_ENDPOINT_URL; without it they
 * share the moto of this run.
 */
class StateIsolationIT {

  private static final String QUEUE = "isolation-probe";

  private static final Environment MOTO_ONLY =
      new Environment(
          name -> name.equals("aws.endpointUrl") ? null : System.getProperty(name),
          name -> name.equals("AWS_ENDPOINT_URL") ? null : System.getenv(name));

  @Test
  void aQueueCreatedInOneTestClassIsAbsentInTheNext() {
    var results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(
                "junit.jupiter.testclass.order.default",
                ClassOrderer.OrderAnnotation.class.getName())
            .configurationParameter(
                "junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
            .selectors(selectClass(ExpectsNoQueue.class), selectClass(CreatesQueue.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
  }

  @Order(1)
  @Disabled("run by StateIsolationIT through EngineTestKit")
  static class CreatesQueue {
    @RegisterExtension
    static final AwsEmulatorExtension EMULATOR = new AwsEmulatorExtension(MOTO_ONLY);

    @Test
    void createsTheProbeQueue(AwsEndpoint endpoint) {
      try (SqsClient sqs = endpoint.configure(SqsClient.builder()).build()) {
        sqs.createQueue(b -> b.queueName(QUEUE));

        assertThat(sqs.listQueues(b -> b.queueNamePrefix(QUEUE)).queueUrls()).hasSize(1);
      }
    }
  }

  @Order(2)
  @Disabled("run by StateIsolationIT through EngineTestKit")
  static class ExpectsNoQueue {
    @RegisterExtension
    static final AwsEmulatorExtension EMULATOR = new AwsEmulatorExtension(MOTO_ONLY);

    @Test
    void doesNotSeeTheProbeQueue(AwsEndpoint endpoint) {
      try (SqsClient sqs = endpoint.configure(SqsClient.builder()).build()) {
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(QUEUE)).queueUrls()).isEmpty();
      }
    }
  }
}
