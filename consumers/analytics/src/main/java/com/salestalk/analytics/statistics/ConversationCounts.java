package com.salestalk.analytics.statistics;

import com.salestalk.eventcontracts.events.CompletionReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The conversations of a tenant that ended on one UTC day, or summed over days.
 *
 * @param conversations how many ended
 * @param durationSumMs the sum of their durations
 * @param duration their durations in buckets
 * @param messages the messages users sent in them
 * @param reasons how many ended for each reason
 * @param ratings how many were rated with each number of stars (1 to 5)
 */
record ConversationCounts(
    long conversations,
    long durationSumMs,
    Histogram duration,
    long messages,
    Map<CompletionReason, Long> reasons,
    Map<Integer, Long> ratings) {

  /** The lowest and highest rating. */
  static final int MIN_RATING = 1;

  static final int MAX_RATING = 5;

  ConversationCounts {
    reasons = Map.copyOf(reasons);
    ratings = Map.copyOf(ratings);
  }

  /** Nothing counted. */
  static ConversationCounts none() {
    return new ConversationCounts(0, 0, Histogram.empty(), 0, Map.of(), Map.of());
  }

  ConversationCounts plus(ConversationCounts other) {
    Map<CompletionReason, Long> sumOfReasons = new EnumMap<>(CompletionReason.class);
    sumOfReasons.putAll(reasons);
    other.reasons.forEach((reason, n) -> sumOfReasons.merge(reason, n, Long::sum));
    Map<Integer, Long> sumOfRatings = new HashMap<>(ratings);
    other.ratings.forEach((stars, n) -> sumOfRatings.merge(stars, n, Long::sum));
    return new ConversationCounts(
        conversations + other.conversations,
        durationSumMs + other.durationSumMs,
        duration.plus(other.duration),
        messages + other.messages,
        sumOfReasons,
        sumOfRatings);
  }

  /** How many conversations were rated. */
  long rated() {
    return ratings.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The mean rating in stars, or {@code null} when none was rated. */
  Double averageRating() {
    long stars = 0;
    for (Map.Entry<Integer, Long> rating : ratings.entrySet()) {
      stars += rating.getKey() * rating.getValue();
    }
    return Ratios.of(stars, rated(), Ratios.AVERAGE);
  }
}
