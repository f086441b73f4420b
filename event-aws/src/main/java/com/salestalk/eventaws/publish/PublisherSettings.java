package com.salestalk.eventaws.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How the EventBridge publisher sends.
 *
 * @param busName the event bus, {@code salestalk} by default
 * @param retry how failed entries are retried within one publish call
 */
public record PublisherSettings(String busName, RetryPolicy retry) {

  /** The bus of docs/ARCHITECTURE.md#envelope. */
  public static final String DEFAULT_BUS = "salestalk";

  /** Requires both. */
  public PublisherSettings {
    Objects.requireNonNull(busName, "busName");
    Objects.requireNonNull(retry, "retry");
  }

  /** Bus {@code salestalk}; 4 attempts, backoff capped at 100 ms, 200 ms, 400 ms (max 2 s). */
  public static PublisherSettings defaults() {
    return new PublisherSettings(
        DEFAULT_BUS, new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2)));
  }
}
