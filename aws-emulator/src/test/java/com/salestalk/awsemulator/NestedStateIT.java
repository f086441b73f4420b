package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code @Nested} classes are not reset: they see what their enclosing class set up. */
@AwsEmulatorTest
class NestedStateIT {

  private static final String QUEUE = "set-up-by-enclosing-class-" + UUID.randomUUID();

  private static SqsClient sqs;

  @BeforeAll
  static void createQueue(AwsEndpoint endpoint) {
    sqs = endpoint.configure(SqsClient.builder()).build();
    sqs.createQueue(b -> b.queueName(QUEUE));
  }

  @AfterAll
  static void closeClient() {
    sqs.close();
  }

  @Nested
  class InnerClass {
    @Test
    void seesTheQueueOfTheEnclosingClass() {
      assertThat(sqs.listQueues(b -> b.queueNamePrefix(QUEUE)).queueUrls())
          .singleElement()
          .asString()
          .endsWith("/" + QUEUE);
    }
  }
}
