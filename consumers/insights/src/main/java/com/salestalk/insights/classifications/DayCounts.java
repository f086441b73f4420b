package com.salestalk.insights.classifications;

import com.salestalk.eventcontracts.events.Intent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The classifications counted for a tenant on one UTC day, or over several days ({@link #plus}).
 *
 * @param day the day, or {@code null} for a sum over days
 * @param classifications events counted
 * @param confidenceSum the sum of their confidence, exact
 * @param lowConfidence those below the low-confidence threshold
 * @param intents per intent: count and confidence sum
 */
record DayCounts(
    LocalDate day,
    long classifications,
    BigDecimal confidenceSum,
    long lowConfidence,
    Map<Intent, IntentCounts> intents) {

  /** Ratios are given with this many decimals, rounded half even. */
  static final int SCALE = 4;

  /** Nothing counted. */
  static final DayCounts NONE = new DayCounts(null, 0, BigDecimal.ZERO, 0, Map.of());

  /**
   * The events of one intent.
   *
   * @param count how many
   * @param confidenceSum the sum of their confidence
   */
  record IntentCounts(long count, BigDecimal confidenceSum) {

    IntentCounts plus(IntentCounts other) {
      return new IntentCounts(count + other.count, confidenceSum.add(other.confidenceSum));
    }

    /** The mean confidence, or {@code null} when there is none. */
    Double averageConfidence() {
      return ratio(confidenceSum, count);
    }
  }

  DayCounts {
    intents = Map.copyOf(intents);
  }

  /** The counts of both, for no particular day. */
  DayCounts plus(DayCounts other) {
    Map<Intent, IntentCounts> merged = new EnumMap<>(Intent.class);
    merged.putAll(intents);
    other.intents.forEach((intent, counts) -> merged.merge(intent, counts, IntentCounts::plus));
    return new DayCounts(
        null,
        classifications + other.classifications,
        confidenceSum.add(other.confidenceSum),
        lowConfidence + other.lowConfidence,
        merged);
  }

  /** The mean confidence, or {@code null} when nothing was counted. */
  Double averageConfidence() {
    return ratio(confidenceSum, classifications);
  }

  /** The share of low-confidence classifications, or {@code null} when nothing was counted. */
  Double lowConfidenceRate() {
    return ratio(BigDecimal.valueOf(lowConfidence), classifications);
  }

  /** {@code part / whole} with {@link #SCALE} decimals, or {@code null} when whole is 0. */
  static Double ratio(BigDecimal part, long whole) {
    if (whole == 0) {
      return null;
    }
    return part.divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_EVEN).doubleValue();
  }
}
