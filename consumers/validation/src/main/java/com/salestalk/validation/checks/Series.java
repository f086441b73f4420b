package com.salestalk.validation.checks;

import java.util.Map;

/**
 * A series: the rows of one metric with one combination of dimension values at one grain. Its rows
 * are the values over time that the gap and outlier checks look at, and (metric, date, dimensions)
 * is the key the uniqueness check requires to be unique, i.e. a date at most once per series. While
 * rows stream in, series are only numbers and bytes in {@link SeriesKeys}.
 *
 * @param metric the metric, as it came
 * @param grain the grain of its dates
 * @param dimensions dimension column to cell, in header order
 */
record Series(String metric, Grain grain, Map<String, String> dimensions) {}
