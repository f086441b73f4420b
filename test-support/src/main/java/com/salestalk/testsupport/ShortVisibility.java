package com.salestalk.testsupport;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A consumer queue of a {@link TestStack} with a shorter visibility timeout than the template's 60
 * s, so a message its handler failed on comes back (and, after {@code MaxReceiveCount} receives,
 * reaches the DLQ) within seconds. Define it as a bean of the test's configuration: event-aws's
 * listener reads the queue's timeout when it starts, which is after every bean was created. The
 * service's {@code salestalk.consumer.lease} must not exceed the timeout (the listener refuses to
 * start otherwise).
 *
 * <pre>{@code
 * @Bean
 * ShortVisibility shortVisibility(TestStack stack) {
 *   return new ShortVisibility(stack, "insights", Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class ShortVisibility {

  private final Duration timeout;

  /**
   * Sets the queue's {@code VisibilityTimeout}.
   *
   * @param stack the deployed stack
   * @param consumer the consumer whose queue it is, e.g. {@code insights}
   * @param timeout the new timeout, whole seconds, at least 1
   */
  public ShortVisibility(TestStack stack, String consumer, Duration timeout) {
    if (timeout.toSeconds() < 1 || timeout.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("a visibility timeout is whole seconds, at least 1");
    }
    this.timeout = timeout;
    try (SqsClient sqs = stack.aws().configure(SqsClient.builder()).build()) {
      sqs.setQueueAttributes(
          b ->
              b.queueUrl(stack.queueUrl(consumer))
                  .attributes(
                      Map.of(
                          QueueAttributeName.VISIBILITY_TIMEOUT,
                          Long.toString(timeout.toSeconds()))));
    }
  }

  /** The queue's visibility timeout now. */
  public Duration timeout() {
    return timeout;
  }
}
