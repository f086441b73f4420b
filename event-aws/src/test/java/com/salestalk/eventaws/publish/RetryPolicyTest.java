package com.salestalk.eventaws.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

  @Test
  void capDoublesFromTheBaseUntilTheMaximum() {
    assertThat(policy.cap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.cap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.cap(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.cap(5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.cap(60)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void fullJitterSpansZeroToTheCap() {
    assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoff(3, () -> 0.25)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(3, () -> 0.999)).isEqualTo(Duration.ofMillis(399));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("need 0 <= baseDelay <= maxDelay, got PT2S and PT1S");
  }
}
