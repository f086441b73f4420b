package com.salestalk.validation.reports;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The data-quality reports API (docs/validation.md). Tenant API key only; a tenant sees only the
 * reports of its own uploads.
 */
@RestController
@TenantApi
@RequestMapping(path = QualityReportController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Quality reports", description = "Data-quality reports of uploads (tenant API key)")
@SecurityRequirement(name = "apiKey")
class QualityReportController {

  static final String BASE = "/api/v1/quality-reports";

  /** The upload ids metrics-handler issues. */
  static final Pattern UPLOAD_ID = Pattern.compile("upl-[0-9a-f]{12}-[a-z0-9]{10}");

  private final DynamoDbClient dynamoDb;
  private final ReportItems items;

  QualityReportController(DynamoDbClient dynamoDb, ReportItems items) {
    this.dynamoDb = dynamoDb;
    this.items = items;
  }

  @Operation(
      summary = "Get the data-quality report of an upload",
      description =
          "One report per upload, made when its metrics.ingested.v1 event is handled: status"
              + " `passed`, `warnings` or `failed` and every check with its value, threshold,"
              + " score and (bounded) details.")
  @ApiResponse(responseCode = "200", description = "The report")
  @ApiResponse(
      responseCode = "400",
      description = "The upload id is not one metrics-handler issues")
  @ApiResponse(responseCode = "401", description = "Missing or invalid X-Api-Key")
  @ApiResponse(
      responseCode = "404",
      description = "No report: not an upload of this tenant, or not checked yet")
  @GetMapping("/{uploadId}")
  QualityReportView get(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @Parameter(description = "The upload's id, e.g. upl-019a3c5e7f21-k3v9q2m8xz") @PathVariable
          String uploadId) {
    if (!UPLOAD_ID.matcher(uploadId).matches()) {
      throw ProblemException.invalidParameter(
          "uploadId",
          "is not an upload id (upl-, 12 hex digits, '-', 10 lowercase letters or digits)");
    }
    return items
        .view(dynamoDb.getItem(items.get(tenant, uploadId)).item())
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "No quality report for upload "
                        + uploadId
                        + ": it is not an upload of this tenant, or it has not been checked yet"
                        + " (its report appears once its metrics.ingested.v1 event is handled)"));
  }
}
