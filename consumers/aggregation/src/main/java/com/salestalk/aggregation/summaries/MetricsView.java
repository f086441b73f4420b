package com.salestalk.aggregation.summaries;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.TenantCoverage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.List;

/**
 * What the tenant has data for.
 *
 * @param state {@code NO_DATA_YET} (provisioned, nothing uploaded yet) or {@code HAS_DATA}
 * @param metrics one entry per metric, sorted by name
 */
@JsonPropertyOrder({"state", "metrics"})
record MetricsView(
    @Schema(allowableValues = {"NO_DATA_YET", "HAS_DATA"}) String state, List<MetricView> metrics) {

  static MetricsView of(TenantCoverage coverage) {
    return new MetricsView(
        coverage.hasData() ? "HAS_DATA" : "NO_DATA_YET",
        coverage.metrics().stream().map(MetricView::of).toList());
  }

  /** One metric and the periods it has data in. */
  @JsonPropertyOrder({"metric", "months", "quarters", "years", "dimensions"})
  record MetricView(
      String metric,
      @Schema(description = "Months with data, ascending") List<String> months,
      @Schema(description = "Quarters with data in at least one month") List<String> quarters,
      @Schema(description = "Years with data in at least one month") List<Integer> years,
      @Schema(description = "Dimension columns, for the dimension parameter")
          List<String> dimensions) {

    static MetricView of(MetricCoverage metric) {
      return new MetricView(
          metric.metric(),
          metric.months().stream().map(YearMonth::toString).toList(),
          metric.quarters(),
          metric.years(),
          metric.dimensions());
    }
  }
}
