package com.salestalk.analytics.statistics;

/**
 * The narratives of a tenant for one intent on one UTC day, or summed over days and intents.
 *
 * @param narratives how many were generated
 * @param grounded how many were grounded (every figure from the tenant's metrics)
 * @param textLength the sum of their lengths in characters (Unicode code points)
 * @param latencySumMs the sum of their generation latencies
 * @param latency their latencies in buckets
 */
record NarrativeCounts(
    long narratives, long grounded, long textLength, long latencySumMs, Histogram latency) {

  /** Nothing counted. */
  static NarrativeCounts none() {
    return new NarrativeCounts(0, 0, 0, 0, Histogram.empty());
  }

  NarrativeCounts plus(NarrativeCounts other) {
    return new NarrativeCounts(
        narratives + other.narratives,
        grounded + other.grounded,
        textLength + other.textLength,
        latencySumMs + other.latencySumMs,
        latency.plus(other.latency));
  }

  /** The share of grounded narratives, or {@code null} when there were none. */
  Double groundedRatio() {
    return Ratios.of(grounded, narratives, Ratios.SHARE);
  }

  /** The mean length in characters, or {@code null} when there were none. */
  Double averageLength() {
    return Ratios.of(textLength, narratives, Ratios.AVERAGE);
  }
}
