package com.salestalk.aggregation.summaries;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.metricdata.cells.MetricCells;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.Period;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.problem.Problem;
import com.salestalk.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The summaries API (docs/aggregation.md). Tenant API key only; every read is of the authenticated
 * tenant's cells, so another tenant's data is never found.
 */
@RestController
@TenantApi
@RequestMapping(path = SummaryController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Summaries", description = "The tenant's metrics, aggregated from its uploads")
@SecurityRequirement(name = "apiKey")
@ApiResponse(
    responseCode = "401",
    description = "No or an invalid API key",
    content = @Content(schema = @Schema(implementation = Problem.class)))
class SummaryController {

  static final String BASE = "/api/v1/summaries";

  /** The longest metric name metrics-handler accepts. */
  static final int MAX_METRIC_LENGTH = 128;

  /** The longest cell metrics-handler accepts by default: no dimension name is longer. */
  static final int MAX_DIMENSION_LENGTH = 256;

  private final MetricCells cells;
  private final Clock clock;

  SummaryController(MetricCells cells, Clock clock) {
    this.cells = cells;
    this.clock = clock;
  }

  @Operation(
      summary = "A metric over a period",
      description =
          "Total, count, min, max, averages, the previous period and growth of one metric, derived"
              + " from its month cells; with `dimension`, the same by the dimension's values. Each"
              + " month's figures are those of the newest upload with rows of the metric in that"
              + " month.")
  @ApiResponse(responseCode = "200", description = "The summary (figures null without data)")
  @ApiResponse(
      responseCode = "400",
      description = "A missing or malformed parameter, or a dimension the metric does not have",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "404",
      description = "The tenant has no data for the metric",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @GetMapping
  SummaryView summary(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @Parameter(description = "The metric, as in the uploads (e.g. revenue)") @RequestParam
          String metric,
      @Parameter(
              description =
                  "2025, 2025-Q3, 2025-07, QTD, YTD (through the current month, UTC), QTD-2025-08"
                      + " or YTD-2025-08")
          @RequestParam
          String period,
      @Parameter(description = "A dimension column to break the figures down by (e.g. region)")
          @RequestParam(required = false)
          String dimension) {
    if (metric.isBlank()) {
      throw ProblemException.invalidParameter("metric", "must not be blank");
    }
    if (metric.length() > MAX_METRIC_LENGTH) {
      throw ProblemException.invalidParameter(
          "metric", "must be at most " + MAX_METRIC_LENGTH + " characters");
    }
    Period parsed;
    try {
      parsed = Period.parse(period, YearMonth.now(clock));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidParameter("period", e.getMessage());
    }
    if (dimension != null && (dimension.isEmpty() || dimension.length() > MAX_DIMENSION_LENGTH)) {
      throw ProblemException.invalidParameter(
          "dimension", "must be 1 to " + MAX_DIMENSION_LENGTH + " characters");
    }
    String tenantId = tenant.value();
    MetricCoverage coverage =
        cells
            .metric(tenantId, metric)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "No data for metric '"
                            + metric
                            + "' (GET "
                            + BASE
                            + "/metrics lists the tenant's metrics)"));
    if (dimension != null && !coverage.dimensions().contains(dimension)) {
      throw ProblemException.invalidParameter(
          "dimension",
          "metric '"
              + metric
              + "' has no dimension '"
              + dimension
              + "' ("
              + (coverage.dimensions().isEmpty()
                  ? "it has none"
                  : "its dimensions: " + String.join(", ", coverage.dimensions()))
              + ")");
    }
    return SummaryView.of(cells.summary(tenantId, metric, parsed, dimension));
  }

  @Operation(
      summary = "The tenant's metrics and the periods they have data in",
      description =
          "state NO_DATA_YET: the tenant was provisioned and nothing of it was aggregated yet"
              + " (metrics empty). 404: aggregation has seen neither the tenant's provisioning nor"
              + " an upload of it.")
  @ApiResponse(responseCode = "200", description = "The tenant's metrics")
  @ApiResponse(
      responseCode = "404",
      description = "Aggregation knows nothing of the tenant",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @GetMapping("/metrics")
  MetricsView metrics(@Parameter(hidden = true) @AuthenticatedTenant TenantId tenant) {
    return MetricsView.of(
        cells
            .coverage(tenant.value())
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Aggregation knows nothing of this tenant yet: neither its provisioning"
                            + " nor an upload has been processed")));
  }
}
