package com.salestalk.aggregation.ingest;

import java.time.YearMonth;
import java.util.Set;

/**
 * The months and dimension columns an upload has for one metric.
 *
 * @param metric the metric
 * @param months its months
 * @param dimensions the upload's dimension columns with rows of the metric
 */
record Coverage(String metric, Set<YearMonth> months, Set<String> dimensions) {

  Coverage {
    months = Set.copyOf(months);
    dimensions = Set.copyOf(dimensions);
  }
}
