package com.salestalk.eventaws.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link SqsEventListener} polls.
 *
 * @param maxConcurrentMessages messages handled at once
 * @param maxMessagesPerPoll messages per ReceiveMessage (1 to 10, at most maxConcurrentMessages)
 * @param pollTimeout long-polling wait per ReceiveMessage (at most 20 s)
 * @param shutdownTimeout how long {@link SqsEventListener#stop()} waits for messages in flight
 * @param dlqDepthInterval how often the DLQ depth gauge is refreshed
 */
public record ListenerSettings(
    int maxConcurrentMessages,
    int maxMessagesPerPoll,
    Duration pollTimeout,
    Duration shutdownTimeout,
    Duration dlqDepthInterval) {

  /** Checks the values. */
  public ListenerSettings {
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(dlqDepthInterval, "dlqDepthInterval");
    if (maxMessagesPerPoll < 1 || maxMessagesPerPoll > 10) {
      throw new IllegalArgumentException("maxMessagesPerPoll must be 1..10");
    }
    if (maxConcurrentMessages < maxMessagesPerPoll) {
      throw new IllegalArgumentException("maxConcurrentMessages must be >= maxMessagesPerPoll");
    }
  }

  /** 10 at once, 10 per poll, 10 s long polling, 10 s shutdown, DLQ depth every minute. */
  public static ListenerSettings defaults() {
    return new ListenerSettings(
        10, 10, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1));
  }
}
