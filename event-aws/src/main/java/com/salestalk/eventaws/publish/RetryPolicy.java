package com.salestalk.eventaws.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Bounded exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly
 * random time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}.
 *
 * @param maxAttempts attempts in total, the first included; at least 1
 * @param baseDelay the cap of the first backoff
 * @param maxDelay the largest cap
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  /** Checks the bounds. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
    }
  }

  /** The cap of the backoff before retry {@code retry} (1-based). */
  Duration cap(int retry) {
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long capMillis = baseDelay.toMillis() << shift;
    if (capMillis < 0 || capMillis > maxDelay.toMillis()) {
      return maxDelay;
    }
    return Duration.ofMillis(capMillis);
  }

  /**
   * The backoff before retry {@code retry} (1-based).
   *
   * @param retry which retry
   * @param random uniform values in {@code [0, 1)}
   * @return a random duration between zero and {@link #cap(int)}
   */
  public Duration backoff(int retry, DoubleSupplier random) {
    return Duration.ofMillis((long) (random.getAsDouble() * cap(retry).toMillis()));
  }
}
