package com.salestalk.aggregation.summaries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.salestalk.metricdata.cells.Breakdown;
import com.salestalk.metricdata.cells.DimensionFigures;
import com.salestalk.metricdata.cells.PeriodFigures;
import com.salestalk.metricdata.cells.Summary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A metric over a period, as the API answers it. Figures are {@code null} when the period has no
 * data.
 */
@JsonPropertyOrder({
  "metric",
  "period",
  "from",
  "to",
  "monthsWithData",
  "total",
  "count",
  "min",
  "max",
  "average",
  "monthlyAverage",
  "previousPeriod",
  "growth",
  "dataAsOf",
  "uploadIds",
  "byDimension"
})
record SummaryView(
    String metric,
    @Schema(description = "The period asked for, in its canonical form (YTD becomes YTD-2025-08)")
        String period,
    @Schema(description = "First month of the period") String from,
    @Schema(description = "Last month of the period") String to,
    @Schema(description = "Months of the period with data; fewer than its months for a partial one")
        List<String> monthsWithData,
    @Schema(description = "Sum of the values") BigDecimal total,
    @Schema(description = "Rows") long count,
    BigDecimal min,
    BigDecimal max,
    @Schema(description = "total / count, 16 significant digits") BigDecimal average,
    @Schema(description = "total / months with data, 16 significant digits")
        BigDecimal monthlyAverage,
    @Schema(
            description =
                "The period before (same months of the previous quarter or year for QTD"
                    + " and YTD); null when it has no data")
        PreviousView previousPeriod,
    @Schema(
            description =
                "(total - previous total) / |previous total|, e.g. 0.125 for +12.5 %; null"
                    + " when either period has no data or the previous total is 0")
        BigDecimal growth,
    @Schema(description = "When the newest upload behind the figures was made") Instant dataAsOf,
    @Schema(description = "The uploads behind the figures") List<String> uploadIds,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only with the dimension parameter")
        BreakdownView byDimension) {

  static SummaryView of(Summary summary) {
    PeriodFigures current = summary.current();
    return new SummaryView(
        summary.metric(),
        current.period().label(),
        current.period().first().toString(),
        current.period().last().toString(),
        months(current.monthsWithData()),
        current.total(),
        current.hasData() ? current.stats().count() : 0,
        current.hasData() ? current.stats().min() : null,
        current.hasData() ? current.stats().max() : null,
        current.average(),
        current.monthlyAverage(),
        summary.previous() == null ? null : PreviousView.of(summary.previous()),
        summary.growth(),
        summary.dataAsOf(),
        summary.uploadIds(),
        summary.breakdown() == null ? null : BreakdownView.of(summary.breakdown()));
  }

  private static List<String> months(List<YearMonth> months) {
    return months.stream().map(YearMonth::toString).toList();
  }

  /** The previous period's figures. */
  @JsonPropertyOrder({"period", "from", "to", "monthsWithData", "total", "count"})
  record PreviousView(
      String period,
      String from,
      String to,
      List<String> monthsWithData,
      BigDecimal total,
      long count) {

    static PreviousView of(PeriodFigures previous) {
      return new PreviousView(
          previous.period().label(),
          previous.period().first().toString(),
          previous.period().last().toString(),
          months(previous.monthsWithData()),
          previous.total(),
          previous.stats().count());
    }
  }

  /** The figures by one dimension's values. */
  @JsonPropertyOrder({"dimension", "values", "monthsWithout"})
  record BreakdownView(
      String dimension,
      @Schema(description = "One entry per value with rows in the period, sorted by value")
          List<ValueView> values,
      @Schema(
              description =
                  "Months with data whose upload had no such column: in the total, in no"
                      + " value")
          List<String> monthsWithout) {

    static BreakdownView of(Breakdown breakdown) {
      return new BreakdownView(
          breakdown.dimension(),
          breakdown.values().stream().map(ValueView::of).toList(),
          months(breakdown.monthsWithout()));
    }
  }

  /** One dimension value's figures. */
  @JsonPropertyOrder({
    "value",
    "total",
    "count",
    "min",
    "max",
    "average",
    "previousTotal",
    "growth"
  })
  record ValueView(
      String value,
      BigDecimal total,
      long count,
      BigDecimal min,
      BigDecimal max,
      BigDecimal average,
      BigDecimal previousTotal,
      BigDecimal growth) {

    static ValueView of(DimensionFigures figures) {
      return new ValueView(
          figures.value(),
          figures.stats().sum(),
          figures.stats().count(),
          figures.stats().min(),
          figures.stats().max(),
          figures.stats().average(),
          figures.previousTotal(),
          figures.growth());
    }
  }
}
