package com.salestalk.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistogramTest {

  static Histogram of(long... millis) {
    Histogram histogram = Histogram.empty();
    for (long ms : millis) {
      histogram.add(Histogram.bucketOf(ms), 1);
    }
    return histogram;
  }

  static long[] times(long ms, int n) {
    long[] values = new long[n];
    Arrays.fill(values, ms);
    return values;
  }

  @Test
  void boundsGrowByAFourthRootOfTwoRoundedUpFrom10MsTo27Hours() {
    assertThat(Histogram.BOUNDS).hasSize(94);
    assertThat(Arrays.copyOf(Histogram.BOUNDS, 9))
        .containsExactly(10, 12, 15, 17, 20, 24, 29, 34, 40);
    assertThat(Histogram.BOUNDS[13]).isEqualTo(96);
    assertThat(Histogram.BOUNDS[14]).isEqualTo(114);
    assertThat(Histogram.BOUNDS[36]).isEqualTo(5120);
    assertThat(Histogram.BOUNDS[93]).isEqualTo(99_757_924);
    assertThat(Histogram.BUCKETS).isEqualTo(95);
  }

  @Test
  void aReportedPercentileOverstatesByLessThanAQuarterAndLessThanAFifthFrom100Ms() {
    double worst = 0;
    double worstFrom100 = 0;
    for (int i = 1; i < Histogram.BOUNDS.length; i++) {
      assertThat(Histogram.BOUNDS[i]).isGreaterThan(Histogram.BOUNDS[i - 1]);
      double ratio = (double) Histogram.BOUNDS[i] / Histogram.BOUNDS[i - 1];
      worst = Math.max(worst, ratio);
      if (Histogram.BOUNDS[i - 1] >= 100) {
        worstFrom100 = Math.max(worstFrom100, ratio);
      }
    }
    assertThat(worst).isEqualTo(1.25);
    assertThat(worstFrom100).isLessThan(1.2);
  }

  @Test
  void aValueBelongsToTheFirstBucketWhoseBoundIsNotBelowIt() {
    assertThat(Histogram.bucketOf(-5)).isZero();
    assertThat(Histogram.bucketOf(0)).isZero();
    assertThat(Histogram.bucketOf(10)).isZero();
    assertThat(Histogram.bucketOf(11)).isEqualTo(1);
    assertThat(Histogram.bucketOf(12)).isEqualTo(1);
    assertThat(Histogram.bucketOf(13)).isEqualTo(2);
    assertThat(Histogram.bucketOf(99_757_924)).isEqualTo(93);
    assertThat(Histogram.bucketOf(99_757_925)).isEqualTo(94);
    assertThat(Histogram.bucketOf(Long.MAX_VALUE)).isEqualTo(94);
  }

  @Test
  void percentilesAreTheBoundOfTheBucketHoldingTheNearestRank() {
    long[] values = Arrays.copyOf(times(100, 19), 20);
    values[19] = 5000;
    Histogram histogram = of(values);
    assertThat(histogram.count()).isEqualTo(20);
    assertThat(histogram.percentile(50)).isEqualTo(114); // rank 10
    assertThat(histogram.percentile(95)).isEqualTo(114); // rank 19, not 20: no rounding error
    assertThat(histogram.percentile(99)).isEqualTo(5120); // rank 20
    assertThat(histogram.percentile(100)).isEqualTo(5120);
    assertThat(histogram.percentile(1)).isEqualTo(114);
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    Histogram one = of(10);
    assertThat(one.percentile(1)).isEqualTo(10);
    assertThat(one.percentile(99)).isEqualTo(10);
  }

  @Test
  void anEmptyHistogramHasNoPercentile() {
    assertThat(Histogram.empty().percentile(50)).isNull();
  }

  @Test
  void valuesAboveTheLastBoundAreReportedAsTheLastBound() {
    assertThat(of(200_000_000).percentile(50)).isEqualTo(99_757_924);
  }

  @Test
  void daysAddBucketByBucketSoPercentilesOverDaysAreThoseOfAllTheirValues() {
    Histogram monday = of(times(100, 10));
    Histogram tuesday = of(times(5000, 10));
    Histogram both = monday.plus(tuesday);
    long[] all = Arrays.copyOf(times(100, 10), 20);
    Arrays.fill(all, 10, 20, 5000);
    assertThat(both).isEqualTo(of(all));
    assertThat(both.count()).isEqualTo(20);
    assertThat(both.percentile(50)).isEqualTo(114); // rank 10 of 20
    assertThat(both.percentile(51)).isEqualTo(5120); // rank 11
    assertThat(both.percentile(90)).isEqualTo(5120);
    assertThat(monday.percentile(90)).isEqualTo(114); // the days themselves are unchanged
  }
}
