package com.salestalk.validation.checks;

import java.util.Arrays;

/**
 * What the series checks keep of each row, in primitive columns: 20 bytes a row (series id, period
 * index, value, row number), whatever the row's text.
 */
final class RowColumns {

  /** Most rows the first allocation reserves, whatever an event announces. */
  static final int MAX_INITIAL_CAPACITY = 1 << 21;

  int size;
  int[] series;
  int[] periods;
  double[] values;
  int[] rows;

  RowColumns(long expectedRows) {
    int capacity = (int) Math.max(16, Math.min(expectedRows, MAX_INITIAL_CAPACITY));
    series = new int[capacity];
    periods = new int[capacity];
    values = new double[capacity];
    rows = new int[capacity];
  }

  void add(int seriesId, int period, double value, long row) {
    if (size == series.length) {
      int capacity = series.length + (series.length >> 1);
      series = Arrays.copyOf(series, capacity);
      periods = Arrays.copyOf(periods, capacity);
      values = Arrays.copyOf(values, capacity);
      rows = Arrays.copyOf(rows, capacity);
    }
    series[size] = seriesId;
    periods[size] = period;
    values[size] = value;
    rows[size] = Math.toIntExact(row);
    size++;
  }
}
