package com.salestalk.validation.reports;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.validation.checks.CheckResult;
import com.salestalk.validation.checks.Finding;
import com.salestalk.validation.checks.QualityReport;
import com.salestalk.validation.checks.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items of the {@code {env}-data-quality-reports} table (docs/DATA_CONTRACTS.md): one per
 * upload, key (tenantId, uploadId), the checks as one JSON string. Keeps an item far below
 * DynamoDB's 400 KB: each check stores at most {@link #DETAILS_BUDGET} bytes of details (those
 * beyond are cut, and the check says so).
 */
final class ReportItems {

  /** Most UTF-8 bytes of JSON one check's details may take: six checks stay under 300 KB. */
  static final int DETAILS_BUDGET = 48 * 1024;

  /** Most UTF-8 bytes of the checks' JSON; the budgets keep it below, this is the guard. */
  static final int MAX_CHECKS_BYTES = 350 * 1024;

  private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() {};

  private final String table;
  private final JsonMapper json = JsonMapper.builder().build();

  ReportItems(String table) {
    this.table = table;
  }

  /** The write of an upload's report: a plain put, one item per upload by its key. */
  TransactWriteItem put(
      TenantId tenant, String uploadId, UUID eventId, QualityReport report, Instant checkedAt) {
    List<CheckResult> checks = report.checks().stream().map(this::withinBudget).toList();
    String checksJson = json.writeValueAsString(checks);
    int bytes = checksJson.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_CHECKS_BYTES) {
      throw new IllegalStateException(
          "the report of " + uploadId + " takes " + bytes + " bytes; the budgets allow less");
    }
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table)
                    .item(
                        Map.of(
                            "tenantId", s(tenant.value()),
                            "uploadId", s(uploadId),
                            "status", s(report.status().id()),
                            "checkedAt", s(checkedAt.toString()),
                            "eventId", s(eventId.toString()),
                            "checks", s(checksJson))))
        .build();
  }

  /** The strongly consistent read of an upload's report. */
  GetItemRequest get(TenantId tenant, String uploadId) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(Map.of("tenantId", s(tenant.value()), "uploadId", s(uploadId)))
        .consistentRead(true)
        .build();
  }

  /** The report an item holds; empty for no item. */
  Optional<QualityReportView> view(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new QualityReportView(
            item.get("uploadId").s(),
            status(item.get("status").s()),
            json.readValue(item.get("checks").s(), CHECKS),
            Instant.parse(item.get("checkedAt").s())));
  }

  /** The check with as many of its details as fit {@link #DETAILS_BUDGET}, in order. */
  private CheckResult withinBudget(CheckResult check) {
    List<Finding> kept = new ArrayList<>();
    int bytes = 0;
    for (Finding finding : check.details()) {
      bytes += json.writeValueAsBytes(finding).length + 1;
      if (bytes > DETAILS_BUDGET) {
        break;
      }
      kept.add(finding);
    }
    return kept.size() == check.details().size() ? check : check.withDetails(kept);
  }

  private static Status status(String id) {
    for (Status status : Status.values()) {
      if (status.id().equals(id)) {
        return status;
      }
    }
    throw new IllegalStateException("unknown report status " + id);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
