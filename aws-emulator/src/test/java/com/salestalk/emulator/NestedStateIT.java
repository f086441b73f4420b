package com.salestalk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code @Nested} classes are not reset: they see what their enclosing class set up. */
@AwsEmulatorTest
class NestedStateIT {

  private static SqsClient sqs;

  @BeforeAll
  static void createQueue(AwsEndpoint endpoint) {
    sqs = endpoint.configure(SqsClient.builder()).build();
    sqs.createQueue(b -> b.queueName("set-up-by-enclosing-class"));
  }

  @AfterAll
  static void closeClient() {
    sqs.close();
  }

  @Nested
  class InnerClass {
    @Test
    void seesTheQueueOfTheEnclosingClass() {
      assertThat(sqs.listQueues(b -> b.queueNamePrefix("set-up-by-enclosing-class")).queueUrls())
          .singleElement()
          .asString()
          .endsWith("/set-up-by-enclosing-class");
    }
  }
}
