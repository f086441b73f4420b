package com.salestalk.metricshandler.uploads;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A stored upload: its file, what the check found and where both objects are.
 *
 * @param tenant the owner
 * @param id {@code upl-…}, sortable by creation time
 * @param fileName the uploaded file's name
 * @param sha256 SHA-256 of the raw file, lowercase hex
 * @param byteSize size of the raw file
 * @param rowCount data rows read
 * @param acceptedRows rows stored in the normalized object
 * @param rejectedRows rows rejected
 * @param rejections the first rejections
 * @param metrics distinct metric names accepted
 * @param dimensions dimension columns
 * @param periodStart earliest date accepted
 * @param periodEnd latest date accepted
 * @param rawKey object key of the raw file
 * @param rowsKey object key of the normalized, gzip-compressed rows
 * @param createdAt when it was stored
 */
record Upload(
    TenantId tenant,
    String id,
    String fileName,
    String sha256,
    long byteSize,
    long rowCount,
    long acceptedRows,
    long rejectedRows,
    List<MetricsCsv.Rejection> rejections,
    List<String> metrics,
    List<String> dimensions,
    String periodStart,
    String periodEnd,
    String rawKey,
    String rowsKey,
    Instant createdAt) {

  /** The raw file's key: {@code tenants/{tenantId}/uploads/{uploadId}.csv}. */
  static String rawKey(TenantId tenant, String id) {
    return "tenants/" + tenant.value() + "/uploads/" + id + ".csv";
  }

  /** The normalized rows' key, beside the raw file. */
  static String rowsKey(TenantId tenant, String id) {
    return "tenants/" + tenant.value() + "/uploads/" + id + ".rows.jsonl.gz";
  }
}
