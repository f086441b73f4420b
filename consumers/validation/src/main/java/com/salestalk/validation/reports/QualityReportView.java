package com.salestalk.validation.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.salestalk.validation.checks.CheckResult;
import com.salestalk.validation.checks.Status;
import java.time.Instant;
import java.util.List;

/**
 * The data-quality report of an upload, as the API serves it.
 *
 * @param uploadId the upload
 * @param status {@code passed}, {@code warnings} or {@code failed}
 * @param checks every check, in a fixed order
 * @param checkedAt when the report was made
 */
@JsonPropertyOrder({"uploadId", "status", "checks", "checkedAt"})
record QualityReportView(
    String uploadId, Status status, List<CheckResult> checks, Instant checkedAt) {}
