package com.salestalk.insights.classifications;

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

/** The calling tenant's insights (docs/insights.md). Tenant API key only. */
@RestController
@TenantApi
@Tag(name = "Insights", description = "Intent classifications per UTC day (tenant API key)")
@SecurityRequirement(name = "apiKey")
class InsightsController {

  static final String PATH = "/api/v1/insights";

  private final InsightsTable table;
  private final InsightsProperties properties;

  InsightsController(InsightsTable table, InsightsProperties properties) {
    this.table = table;
    this.properties = properties;
  }

  @Operation(
      summary = "Classifications of a range of days",
      description =
          "Per UTC day and over the range: messages classified, their mean confidence, how many"
              + " were below the low-confidence threshold and their share, counts and mean"
              + " confidence per intent; and the range's newest utterances with intent `unknown`"
              + " or low confidence. Only the calling tenant's data.")
  @ApiResponse(
      responseCode = "200",
      description = "The insights (days without classifications are left out)",
      content = @Content(schema = @Schema(implementation = InsightsView.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "`from` or `to` missing or not a day YYYY-MM-DD, `to` before `from`, or a range"
              + " longer than allowed")
  @ApiResponse(responseCode = "401", description = "No or an invalid API key")
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  InsightsView insights(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @Parameter(description = "First UTC day, YYYY-MM-DD", example = "2025-01-01")
          @RequestParam(name = DateRange.FROM, required = false)
          String from,
      @Parameter(description = "Last UTC day, YYYY-MM-DD (inclusive)", example = "2025-01-31")
          @RequestParam(name = DateRange.TO, required = false)
          String to) {
    DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
    return InsightsView.of(
        range, properties.lowConfidenceThreshold().doubleValue(), table.read(tenant, range));
  }
}
