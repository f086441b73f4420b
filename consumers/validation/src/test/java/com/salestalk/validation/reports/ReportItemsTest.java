package com.salestalk.validation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.validation.checks.CheckName;
import com.salestalk.validation.checks.CheckResult;
import com.salestalk.validation.checks.Finding;
import com.salestalk.validation.checks.QualityReport;
import com.salestalk.validation.checks.Status;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class ReportItemsTest {

  static final TenantId TENANT = TenantId.of("tenant-acme");
  static final String UPLOAD = "upl-019a3c5e7f21-k3v9q2m8xz";
  static final Instant CHECKED = Instant.parse("2026-04-10T08:00:01.250Z");
  static final UUID EVENT = UUID.fromString("6f1c1f3e-0c2a-4d4b-9a57-3f1e2d9c8b7a");

  final ReportItems items = new ReportItems("t1-data-quality-reports");

  @Test
  void aReportIsOneItemKeyedByTenantAndUploadAndReadsBackAsItWasWritten() {
    QualityReport report = SampleReports.oneDuplicate();

    Map<String, AttributeValue> item =
        items.put(TENANT, UPLOAD, EVENT, report, CHECKED).put().item();

    assertThat(item)
        .containsEntry("tenantId", AttributeValue.fromS("tenant-acme"))
        .containsEntry("uploadId", AttributeValue.fromS(UPLOAD))
        .containsEntry("status", AttributeValue.fromS("failed"))
        .containsEntry("checkedAt", AttributeValue.fromS("2026-04-10T08:00:01.250Z"))
        .containsEntry("eventId", AttributeValue.fromS(EVENT.toString()))
        .containsKey("checks");
    assertThat(items.view(item))
        .contains(new QualityReportView(UPLOAD, Status.FAILED, report.checks(), CHECKED));
    assertThat(items.view(Map.of())).isEmpty();
  }

  @Test
  void detailsAreCutToTheBudgetOfTheirCheckSoTheItemStaysUnderDynamoDbsLimit() {
    // the largest rows metrics-handler accepts: 49 dimension columns of 256 characters
    Finding large = finding('x');
    // a cell of control characters takes six bytes a character in JSON: one such finding is over
    // the budget by itself
    Finding escaped = finding('\u0001');
    List<CheckResult> checks = new ArrayList<>();
    for (CheckName name : CheckName.values()) {
      checks.add(
          SampleReports.check(
              name,
              false,
              BigDecimal.ZERO,
              name == CheckName.FRESHNESS ? List.of(escaped, large) : repeat(large, 20)));
    }

    TransactWriteItem put = items.put(TENANT, UPLOAD, EVENT, QualityReport.of(checks), CHECKED);

    int itemBytes =
        put.put().item().entrySet().stream()
            .mapToInt(
                e ->
                    e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().s().getBytes(StandardCharsets.UTF_8).length)
            .sum();
    assertThat(itemBytes).isLessThan(ReportItems.MAX_CHECKS_BYTES).isLessThan(400 * 1024);
    List<CheckResult> stored = items.view(put.put().item()).orElseThrow().checks();
    assertThat(stored.subList(0, 5))
        .allSatisfy(
            check -> {
              assertThat(check.details()).hasSize(3).containsOnly(large);
              assertThat(check.detailsTotal()).isEqualTo(20);
              assertThat(check.detailsTruncated()).isTrue();
            });
    CheckResult freshness = stored.get(5);
    assertThat(freshness.details()).isEmpty();
    assertThat(freshness.detailsTotal()).isEqualTo(2);
    assertThat(freshness.detailsTruncated()).isTrue();
  }

  static Finding finding(char fill) {
    char[] cell = new char[256];
    Arrays.fill(cell, fill);
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < 49; i++) {
      dimensions.put("column" + i, new String(cell));
    }
    return new Finding(
        "revenue",
        "2026-03-02",
        dimensions,
        null,
        7L,
        null,
        BigDecimal.ONE,
        null,
        null,
        null,
        null);
  }

  static List<Finding> repeat(Finding finding, int times) {
    return java.util.Collections.nCopies(times, finding);
  }
}
