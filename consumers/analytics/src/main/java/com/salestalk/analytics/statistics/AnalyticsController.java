package com.salestalk.analytics.statistics;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.query.DateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling tenant's analytics (docs/analytics.md). Tenant API key only. */
@RestController
@TenantApi
@Tag(name = "Analytics", description = "Narrative quality and conversations (tenant API key)")
@SecurityRequirement(name = "apiKey")
class AnalyticsController {

  static final String PATH = "/api/v1/analytics";

  private final AnalyticsTable table;
  private final AnalyticsProperties properties;

  AnalyticsController(AnalyticsTable table, AnalyticsProperties properties) {
    this.table = table;
    this.properties = properties;
  }

  @Operation(
      summary = "Narratives and conversations of a range of days",
      description =
          "Narratives generated in the range (UTC days): how many, grounded ratio, mean length,"
              + " latency mean and percentiles, and the same per intent; conversations that ended"
              + " in the range: duration, messages, completion reasons, feedback ratings and"
              + " their distribution. Only the calling tenant's data.")
  @ApiResponse(
      responseCode = "200",
      description = "The statistics",
      content = @Content(schema = @Schema(implementation = AnalyticsView.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`from` or `to` missing or not a day YYYY-MM-DD, `to` before `from`, or a range longer"
              + " than allowed")
  @ApiResponse(responseCode = "401", description = "No or an invalid API key")
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  AnalyticsView analytics(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @Parameter(description = "First UTC day, YYYY-MM-DD", example = "2025-01-01")
          @RequestParam(name = DateRange.FROM, required = false)
          String from,
      @Parameter(description = "Last UTC day, YYYY-MM-DD (inclusive)", example = "2025-01-31")
          @RequestParam(name = DateRange.TO, required = false)
          String to) {
    DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
    return AnalyticsView.of(
        range, table.narratives(tenant, range), table.conversations(tenant, range));
  }
}
