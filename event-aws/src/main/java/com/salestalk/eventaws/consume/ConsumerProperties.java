package com.salestalk.eventaws.consume;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.consumer.*}: the SQS consumer; nothing is defined unless {@code name} is set and
 * the application defines an {@link EventHandlers} bean. How the queue is polled (concurrency,
 * messages per poll, long polling, auto-startup) is Spring Cloud AWS's {@code
 * spring.cloud.aws.sqs.listener.*}; see {@link SqsEventListener}.
 *
 * @param name the consumer, e.g. {@code insights}: a metric tag and the dedupe key prefix
 * @param queue the queue's name or URL
 * @param dedupeTable the {@code {env}-idempotency} table holding the consumer's dedupe records
 * @param lease how long an {@code IN_PROGRESS} record blocks another delivery of the same event;
 *     while the handler runs, its heartbeat extends it (and the message's visibility) every half
 *     lease. At most the queue's visibility timeout (checked when the listener starts), so a
 *     crashed consumer's lease has expired when SQS delivers its message again
 * @param retention how long a {@code DONE} record is kept (its TTL)
 * @param dlqDepthInterval how often the DLQ depth gauge is read
 */
@ConfigurationProperties(ConsumerProperties.PREFIX)
public record ConsumerProperties(
    String name,
    String queue,
    String dedupeTable,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("1m") Duration dlqDepthInterval) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.consumer";

  /** Checks the values; a missing or wrong one is named by its property. */
  public ConsumerProperties {
    require(name, "name");
    require(queue, "queue");
    require(dedupeTable, "dedupe-table");
    if (name.contains("#")) {
      throw new IllegalArgumentException(PREFIX + ".name must not contain '#': " + name);
    }
    if (!isPositive(lease) || retention == null || retention.compareTo(lease) < 0) {
      throw new IllegalArgumentException(
          PREFIX + ".lease and .retention need 0 < lease <= retention");
    }
    if (!isPositive(dlqDepthInterval)) {
      throw new IllegalArgumentException(PREFIX + ".dlq-depth-interval must be positive");
    }
  }

  private static void require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(PREFIX + "." + property + " must be set");
    }
  }

  private static boolean isPositive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
