package com.salestalk.validation.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Uniqueness, gaps and outliers, once every row is in: the rows are sorted by series (a long per
 * row: 8 bytes a row while finishing), then each series by period, and each series is looked at
 * alone. A series of {@code m ≥ 2} rows needs {@code 36·m} bytes more while it is looked at, one
 * series at a time; a series of one row needs nothing.
 */
final class SeriesChecks {

  /** Iglewicz and Hoaglin's cut-off: |M| above it is an outlier. */
  static final double OUTLIER_CUTOFF = 3.5;

  /** 0.6745: the 0.75 quantile of the standard normal, so that MAD estimates σ (M with MAD). */
  static final double MAD_FACTOR = 0.6745;

  /** 1.253314 = √(π/2): the mean absolute deviation estimates σ/1.253314 (M with MeanAD). */
  static final double MEAN_AD_FACTOR = 1.253314;

  /** Most rows, or missing ranges, one finding lists. */
  static final int LISTED = 10;

  private final RowColumns columns;
  private final SeriesKeys seriesKeys;
  private final Bounded<Finding> duplicates;
  private final Bounded<Finding> gaps;
  private final Bounded<Finding> outliers;
  private long uniqueRows;
  private long expectedPeriods;
  private long presentPeriods;

  SeriesChecks(RowColumns columns, SeriesKeys seriesKeys, int maxDetails) {
    this.columns = columns;
    this.seriesKeys = seriesKeys;
    this.duplicates = new Bounded<>(maxDetails);
    this.gaps = new Bounded<>(maxDetails);
    this.outliers = new Bounded<>(maxDetails);
  }

  /** Looks at every series, in the order of their first row. */
  SeriesChecks run() {
    int n = columns.size;
    long[] bySeries = new long[n];
    for (int i = 0; i < n; i++) {
      bySeries[i] = ((long) columns.series[i] << 32) | i;
    }
    Arrays.sort(bySeries);
    int from = 0;
    while (from < n) {
      int id = (int) (bySeries[from] >>> 32);
      int to = from + 1;
      while (to < n && (int) (bySeries[to] >>> 32) == id) {
        to++;
      }
      if (to - from == 1) {
        // one row: unique, no gap, no outlier
        uniqueRows++;
        expectedPeriods++;
        presentPeriods++;
      } else {
        int[] positions = new int[to - from];
        for (int k = 0; k < positions.length; k++) {
          positions[k] = (int) bySeries[from + k];
        }
        keysAndPeriods(id, positions);
        outliers(id, positions);
      }
      from = to;
    }
    return this;
  }

  /** Uniqueness: Deequ's, the share of rows whose key occurs exactly once. */
  CheckResult uniqueness() {
    int rows = columns.size;
    return CheckResult.of(
        CheckName.UNIQUENESS,
        duplicates.total() == 0,
        Ratios.of(uniqueRows, rows),
        BigDecimal.ONE,
        Ratios.of(uniqueRows, rows),
        duplicates);
  }

  /** Gaps: periods missing between each series' first and last date. */
  CheckResult gaps() {
    long missing = expectedPeriods - presentPeriods;
    return CheckResult.of(
        CheckName.GAPS,
        missing == 0,
        BigDecimal.valueOf(missing),
        BigDecimal.ZERO,
        Ratios.of(presentPeriods, expectedPeriods),
        gaps);
  }

  /** Outliers: values whose modified z-score within their series exceeds 3.5. */
  CheckResult outliers() {
    long flagged = outliers.total();
    return CheckResult.of(
        CheckName.OUTLIERS,
        flagged == 0,
        BigDecimal.valueOf(flagged),
        BigDecimal.ZERO,
        Ratios.of(columns.size - flagged, columns.size),
        outliers);
  }

  /** Duplicated dates and missing periods of one series. */
  private void keysAndPeriods(int id, int[] positions) {
    Grain grain = seriesKeys.grain(id);
    int m = positions.length;
    long[] byPeriod = new long[m];
    for (int k = 0; k < m; k++) {
      byPeriod[k] = ((long) columns.periods[positions[k]] << 32) | positions[k];
    }
    Arrays.sort(byPeriod);
    Bounded<String> missingRanges = new Bounded<>(LISTED);
    long missing = 0;
    int distinct = 0;
    int previous = 0;
    int k = 0;
    while (k < m) {
      int period = (int) (byPeriod[k] >> 32);
      int end = k + 1;
      while (end < m && (int) (byPeriod[end] >> 32) == period) {
        end++;
      }
      if (end - k == 1) {
        uniqueRows++;
      } else if (duplicates.keepsNext()) {
        List<Long> rows = new ArrayList<>();
        for (int d = k; d < end && rows.size() < LISTED; d++) {
          rows.add((long) columns.rows[(int) byPeriod[d]]);
        }
        duplicates.add(
            Finding.series(seriesKeys.series(id), grain.format(period), end - k, rows, null));
      } else {
        duplicates.count();
      }
      if (distinct > 0 && period > previous + 1) {
        missing += period - previous - 1L;
        if (missingRanges.keepsNext()) {
          missingRanges.add(range(grain, previous + 1, period - 1));
        }
      }
      previous = period;
      distinct++;
      k = end;
    }
    int first = (int) (byPeriod[0] >> 32);
    expectedPeriods += previous - (long) first + 1;
    presentPeriods += distinct;
    if (missing > 0) {
      if (gaps.keepsNext()) {
        gaps.add(Finding.series(seriesKeys.series(id), null, missing, null, missingRanges.items()));
      } else {
        gaps.count();
      }
    }
  }

  private static String range(Grain grain, int first, int last) {
    return first == last ? grain.format(first) : grain.format(first) + ".." + grain.format(last);
  }

  /**
   * Outliers of one series by the modified z-score M = 0.6745·(x − median)/MAD, MAD the median of
   * |x − median|. When MAD is 0 (at least half the values equal the median), M = (x −
   * median)/(1.253314 · MeanAD), MeanAD the mean of |x − median|; when that is 0 too, all values
   * are equal and none is an outlier.
   */
  private void outliers(int id, int[] positions) {
    int m = positions.length;
    double[] values = new double[m];
    for (int k = 0; k < m; k++) {
      values[k] = columns.values[positions[k]];
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = median(sorted);
    double[] deviations = new double[m];
    double sum = 0;
    for (int k = 0; k < m; k++) {
      deviations[k] = Math.abs(values[k] - median);
      sum += deviations[k];
    }
    Arrays.sort(deviations);
    double mad = median(deviations);
    double scale;
    if (mad > 0) {
      scale = MAD_FACTOR / mad;
    } else if (sum > 0) {
      scale = 1 / (MEAN_AD_FACTOR * (sum / m));
    } else {
      return;
    }
    for (int k = 0; k < m; k++) {
      double score = (values[k] - median) * scale;
      if (Math.abs(score) > OUTLIER_CUTOFF) {
        if (outliers.keepsNext()) {
          int position = positions[k];
          Series series = seriesKeys.series(id);
          outliers.add(
              Finding.value(
                  series.metric(),
                  series.grain().format(columns.periods[position]),
                  series.dimensions(),
                  columns.rows[position],
                  BigDecimal.valueOf(values[k]),
                  BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP)));
        } else {
          outliers.count();
        }
      }
    }
  }

  private static double median(double[] sorted) {
    int m = sorted.length;
    return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  }
}
