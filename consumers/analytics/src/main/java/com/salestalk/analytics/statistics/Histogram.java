package com.salestalk.analytics.statistics;

import java.util.Arrays;

/**
 * Counts of durations (milliseconds) in fixed buckets, from which percentiles over any number of
 * days are exact up to the bucket width: histograms of several days add bucket by bucket.
 *
 * <p>Bucket {@code i} (0 to 93) holds values {@code v} with {@code BOUNDS[i-1] < v <= BOUNDS[i]},
 * where {@code BOUNDS[i] = ceil(10 · 2^(i/4))} ms: 10, 12, 15, 17, 20, 24, … 83,886,080, 99,757,924
 * (27.7 h); bucket 0 holds everything up to 10 ms and bucket 94 everything above the last bound. A
 * percentile is reported as the upper bound of the bucket holding its rank, so the true value is at
 * most the reported one and more than the bound below it: the report overstates by less than 25 %
 * (less than 20 % from 100 ms on; {@code HistogramTest} checks both). A percentile in the last
 * bucket is reported as the last bound, i.e. "at least 27.7 h".
 */
final class Histogram {

  /** The buckets' upper bounds in milliseconds (inclusive), ascending. */
  static final long[] BOUNDS = bounds();

  /** The buckets: one per bound and one above the last. */
  static final int BUCKETS = BOUNDS.length + 1;

  private final long[] counts;

  private Histogram(long[] counts) {
    this.counts = counts;
  }

  /** A histogram without values. */
  static Histogram empty() {
    return new Histogram(new long[BUCKETS]);
  }

  /** The bucket of {@code millis} (negative values count as 0). */
  static int bucketOf(long millis) {
    int found = Arrays.binarySearch(BOUNDS, Math.max(0, millis));
    return found >= 0 ? found : -found - 1;
  }

  /** Adds {@code n} values to bucket {@code bucket}. */
  Histogram add(int bucket, long n) {
    counts[bucket] += n;
    return this;
  }

  /** A histogram with the counts of both. */
  Histogram plus(Histogram other) {
    long[] sum = counts.clone();
    for (int i = 0; i < BUCKETS; i++) {
      sum[i] += other.counts[i];
    }
    return new Histogram(sum);
  }

  /** How many values it holds. */
  long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The nearest-rank percentile: the upper bound of the bucket holding the value of rank {@code
   * ceil(percent / 100 · count)}, or {@code null} when there are no values.
   *
   * @param percent 1 to 100
   */
  Long percentile(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent must be 1 to 100: " + percent);
    }
    long n = count();
    if (n == 0) {
      return null;
    }
    long rank = (n * percent + 99) / 100; // ceil, in integers: no rounding error at 95 % of 20
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return BOUNDS[Math.min(i, BOUNDS.length - 1)];
      }
    }
    throw new IllegalStateException("unreachable: rank " + rank + " of " + n);
  }

  /** The count of each bucket, for the table. */
  long countOf(int bucket) {
    return counts[bucket];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram" + Arrays.toString(counts);
  }

  private static long[] bounds() {
    long[] bounds = new long[94];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = (long) Math.ceil(10 * Math.pow(2, i / 4.0));
    }
    return bounds;
  }
}
