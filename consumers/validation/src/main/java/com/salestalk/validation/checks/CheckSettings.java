package com.salestalk.validation.checks;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the configurable checks hold an upload to.
 *
 * @param nonNegativeMetrics metrics that cannot be negative (compared ignoring case and surrounding
 *     blanks)
 * @param minCompleteness the completeness (0 to 1) below which the check does not pass
 * @param freshnessMaxAge how old the newest period may be at upload time (whole days)
 * @param maxDetails most details a check lists
 */
public record CheckSettings(
    Set<String> nonNegativeMetrics,
    BigDecimal minCompleteness,
    Duration freshnessMaxAge,
    int maxDetails) {

  /** Normalizes the metric names and checks the bounds. */
  public CheckSettings {
    nonNegativeMetrics =
        nonNegativeMetrics.stream()
            .map(CheckSettings::normalize)
            .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(minCompleteness, "minCompleteness");
    if (minCompleteness.signum() < 0 || minCompleteness.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("minCompleteness must be between 0 and 1");
    }
    if (freshnessMaxAge.isNegative()) {
      throw new IllegalArgumentException("freshnessMaxAge must not be negative");
    }
    if (maxDetails < 1 || maxDetails > 100) {
      throw new IllegalArgumentException("maxDetails must be between 1 and 100");
    }
  }

  /** Whether values of {@code metric} cannot be negative. */
  boolean nonNegative(String metric) {
    return nonNegativeMetrics.contains(normalize(metric));
  }

  private static String normalize(String metric) {
    return metric.strip().toLowerCase(Locale.ROOT);
  }
}
