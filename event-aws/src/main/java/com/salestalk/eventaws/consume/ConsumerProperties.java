package com.salestalk.eventaws.consume;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.consumer.*}: the SQS consumer; nothing is defined unless {@code name} is set and
 * the application defines an {@link EventHandlers} bean.
 *
 * @param name the consumer, e.g. {@code insights} (metric tag, idempotency key prefix)
 * @param queue the queue's name or URL (required)
 * @param idempotencyTable the {@code {env}-idempotency} table (required)
 * @param lease in-progress lease (default 30 s; keep at or below the visibility timeout)
 * @param retention how long done records are kept (default 7 days)
 * @param maxConcurrentMessages messages handled at once (default 10)
 * @param maxMessagesPerPoll messages per receive (default 10)
 * @param pollTimeout long-polling wait (default 10 s)
 * @param shutdownTimeout wait for messages in flight on shutdown (default 10 s)
 * @param dlqDepthInterval how often the DLQ depth gauge is read (default 1 min)
 * @param autoStartup start listening with the application (default {@code true})
 */
@ConfigurationProperties(ConsumerProperties.PREFIX)
public record ConsumerProperties(
    String name,
    String queue,
    String idempotencyTable,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("10") int maxConcurrentMessages,
    @DefaultValue("10") int maxMessagesPerPoll,
    @DefaultValue("10s") Duration pollTimeout,
    @DefaultValue("10s") Duration shutdownTimeout,
    @DefaultValue("1m") Duration dlqDepthInterval,
    @DefaultValue("true") boolean autoStartup) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.consumer";

  ConsumerSettings consumerSettings() {
    return new ConsumerSettings(
        name, require(idempotencyTable, "idempotency-table"), lease, retention);
  }

  ListenerSettings listenerSettings() {
    return new ListenerSettings(
        maxConcurrentMessages, maxMessagesPerPoll, pollTimeout, shutdownTimeout, dlqDepthInterval);
  }

  String requiredQueue() {
    return require(queue, "queue");
  }

  private static String require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(PREFIX + "." + property + " must be set");
    }
    return value;
  }
}
