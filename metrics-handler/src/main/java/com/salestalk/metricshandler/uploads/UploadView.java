package com.salestalk.metricshandler.uploads;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An upload's summary, as the API answers it.
 *
 * @param uploadId the id
 * @param fileName the uploaded file's name
 * @param sha256 SHA-256 of the file, lowercase hex
 * @param byteSize the file's size
 * @param rowCount data rows read
 * @param acceptedRows rows stored
 * @param rejectedRows rows rejected
 * @param rejections the first 100 rejected rows and why
 * @param metrics distinct metric names stored
 * @param dimensions dimension columns
 * @param periodStart earliest date stored, or absent
 * @param periodEnd latest date stored, or absent
 * @param objectKey the normalized rows in the uploads bucket
 * @param createdAt RFC 3339 UTC
 */
@Schema(name = "Upload")
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadView(
    String uploadId,
    String fileName,
    String sha256,
    long byteSize,
    long rowCount,
    long acceptedRows,
    long rejectedRows,
    List<RejectionView> rejections,
    List<String> metrics,
    List<String> dimensions,
    String periodStart,
    String periodEnd,
    String objectKey,
    String createdAt) {

  /**
   * A rejected row.
   *
   * @param row its 1-based number among the data rows
   * @param reason why (with its line in the file)
   */
  @Schema(name = "Rejection")
  record RejectionView(long row, String reason) {}

  static UploadView of(Upload upload) {
    return new UploadView(
        upload.id(),
        upload.fileName(),
        upload.sha256(),
        upload.byteSize(),
        upload.rowCount(),
        upload.acceptedRows(),
        upload.rejectedRows(),
        upload.rejections().stream().map(r -> new RejectionView(r.row(), r.reason())).toList(),
        upload.metrics(),
        upload.dimensions(),
        upload.periodStart(),
        upload.periodEnd(),
        upload.rowsKey(),
        upload.createdAt().toString());
  }
}
