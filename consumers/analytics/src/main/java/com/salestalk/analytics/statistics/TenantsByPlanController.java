package com.salestalk.analytics.statistics;

import com.salestalk.eventcontracts.events.Plan;
import com.salestalk.servicekit.auth.AdminApi;
import com.salestalk.servicekit.query.DateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cross-tenant view (docs/analytics.md): tenants by plan. Admin token only. */
@RestController
@AdminApi
@Tag(name = "Tenants by plan", description = "Across tenants (admin token)")
@SecurityRequirement(name = "adminToken")
class TenantsByPlanController {

  static final String PATH = "/api/v1/analytics/tenants-by-plan";

  private final AnalyticsTable table;
  private final AnalyticsProperties properties;

  TenantsByPlanController(AnalyticsTable table, AnalyticsProperties properties) {
    this.table = table;
    this.properties = properties;
  }

  @Operation(
      summary = "Tenants by plan",
      description =
          "Tenants provisioned so far per plan (counted from tenant.provisioned.v1); with `from`"
              + " and `to` also those provisioned in that range of UTC days.")
  @ApiResponse(
      responseCode = "200",
      description = "The counts (every plan listed)",
      content = @Content(schema = @Schema(implementation = TenantsByPlanView.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Only one of `from` and `to`, a day not YYYY-MM-DD, `to` before `from`, or a range"
              + " longer than allowed")
  @ApiResponse(responseCode = "401", description = "No or a wrong admin token")
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  TenantsByPlanView tenantsByPlan(
      @Parameter(description = "First UTC day, YYYY-MM-DD (with `to`)", example = "2025-01-01")
          @RequestParam(name = DateRange.FROM, required = false)
          String from,
      @Parameter(description = "Last UTC day, YYYY-MM-DD (with `from`)", example = "2025-01-31")
          @RequestParam(name = DateRange.TO, required = false)
          String to) {
    DateRange range =
        from == null && to == null ? null : DateRange.parse(from, to, properties.maxRangeDays());
    Map<Plan, Long> inRange = range == null ? Map.of() : table.provisionedByPlan(range);
    return TenantsByPlanView.of(table.tenantsByPlan(), range, inRange);
  }
}
