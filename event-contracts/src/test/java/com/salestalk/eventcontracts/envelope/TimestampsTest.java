package com.salestalk.eventcontracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void parsesEveryCanonicalTimestampExactlyAsInstantParseDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-60_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
      String text = instant.toString(); // Z with 0, 3, 6 or 9 fraction digits
      String trimmed = text.substring(0, Math.min(text.length() - 1, 20 + random.nextInt(10)));
      for (String candidate : new String[] {text, trimmed + "Z"}) {
        if (candidate.charAt(0) != '-' && candidate.charAt(0) != '+') {
          assertThat(Timestamps.parse(candidate)).as(candidate).isEqualTo(Instant.parse(candidate));
        }
      }
    }
    assertThat(Timestamps.parse("2024-02-29T23:59:59.5Z"))
        .isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
  }

  @Test
  void readsOtherIsoFormsThroughInstantParse() {
    assertThat(Timestamps.isCanonical("2026-11-26T10:15:30+01:00")).isFalse();
    assertThat(Timestamps.parse("2026-11-26T10:15:30+01:00"))
        .isEqualTo(Instant.parse("2026-11-26T09:15:30Z"));
    assertThatThrownBy(() -> Timestamps.parse("2026-02-30T10:15:30Z"))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void canonicalMeansARealUtcInstantWithUpperCaseSeparators() {
    assertThat(Timestamps.isCanonical("2026-11-26T10:15:30Z")).isTrue();
    assertThat(Timestamps.isCanonical("2026-11-26T10:15:30.123456789Z")).isTrue();
    assertThat(Timestamps.isCanonical("2026-11-26T10:15:30.1234567890Z")).isFalse();
    assertThat(Timestamps.isCanonical("2026-11-26T10:15:30.Z")).isFalse();
    assertThat(Timestamps.isCanonical("2026-11-26t10:15:30z")).isFalse();
    assertThat(Timestamps.isCanonical("2026-11-26T24:00:00Z")).isFalse();
    assertThat(Timestamps.isCanonical("2016-12-31T23:59:60Z")).isFalse();
    assertThat(Timestamps.isCanonical("2026-02-29T10:00:00Z")).isFalse();
    assertThat(Timestamps.isCanonicalDate("2024-02-29")).isTrue();
    assertThat(Timestamps.isCanonicalDate("1900-02-29")).isFalse();
    assertThat(Timestamps.isCanonicalDate("2000-02-29")).isTrue();
    assertThat(Timestamps.isCanonicalDate("0000-01-01")).isFalse();
    assertThat(Timestamps.isCanonicalDate("2026-04-31")).isFalse();
  }
}
