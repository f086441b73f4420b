package com.salestalk.eventcontracts.events;

import static com.salestalk.eventcontracts.events.Components.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The data of {@code metrics.ingested.v1}: a CSV upload of business metrics was stored and its
 * accepted rows ingested.
 *
 * @param uploadId the upload
 * @param fileName the uploaded file's name
 * @param objectKey where the file is stored
 * @param sha256 the file's SHA-256, 64 lowercase hex digits
 * @param byteSize the file's size
 * @param rowCount data rows read
 * @param acceptedRows rows ingested
 * @param rejectedRows rows rejected
 * @param metrics the metric names ingested
 * @param periodStart first period in the file, {@code YYYY-MM} or {@code YYYY-MM-DD}, or {@code
 *     null}
 * @param periodEnd last period in the file, same forms, or {@code null}
 * @param rejections why rows were rejected (at most 100), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventContract("metrics.ingested.v1")
public record MetricsIngested(
    UploadId uploadId,
    String fileName,
    String objectKey,
    String sha256,
    long byteSize,
    long rowCount,
    long acceptedRows,
    long rejectedRows,
    List<String> metrics,
    String periodStart,
    String periodEnd,
    List<Rejection> rejections)
    implements EventPayload {

  /** Requires every property the schema requires. */
  public MetricsIngested {
    required(uploadId, "uploadId");
    required(fileName, "fileName");
    required(objectKey, "objectKey");
    required(sha256, "sha256");
    metrics = Components.requiredList(metrics, "metrics");
    rejections = Components.copyOf(rejections);
  }

  /**
   * A rejected row.
   *
   * @param row its 1-based number
   * @param reason why it was rejected
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rejection(long row, String reason) {

    /** Requires a reason. */
    public Rejection {
      required(reason, "reason");
    }
  }
}
