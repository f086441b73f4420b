package com.salestalk.validation.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A series: the rows of one metric with one combination of dimension values at one grain. Its rows
 * are the values over time that the gap and outlier checks look at, and (metric, date, dimensions)
 * is the key the uniqueness check requires to be unique, i.e. a date at most once per series.
 *
 * <p>While rows stream in, a series is held as one compact string ({@link #key}): one object per
 * distinct series, whatever the number of its rows.
 *
 * @param metric the metric, as it came
 * @param grain the grain of its dates
 * @param dimensions dimension column to cell, in header order
 */
record Series(String metric, Grain grain, Map<String, String> dimensions) {

  /**
   * The key of a row's series: each part prefixed by its length, so no cell content can make two
   * series share a key.
   */
  static String key(String metric, Grain grain, Map<String, String> dimensions) {
    StringBuilder key = new StringBuilder(32).append(grain.ordinal());
    append(key, metric);
    for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
      append(key, dimension.getKey());
      append(key, dimension.getValue());
    }
    return key.toString();
  }

  /** The series of a {@link #key}. */
  static Series of(String key) {
    Grain grain = Grain.values()[key.charAt(0) - '0'];
    int[] at = {1};
    String metric = next(key, at);
    Map<String, String> dimensions = new LinkedHashMap<>();
    while (at[0] < key.length()) {
      dimensions.put(next(key, at), next(key, at));
    }
    return new Series(metric, grain, Collections.unmodifiableMap(dimensions));
  }

  private static void append(StringBuilder key, String part) {
    key.append(part.length()).append(':').append(part);
  }

  private static String next(String key, int[] at) {
    int colon = key.indexOf(':', at[0]);
    int length = Integer.parseInt(key, at[0], colon, 10);
    at[0] = colon + 1 + length;
    return key.substring(colon + 1, at[0]);
  }
}
