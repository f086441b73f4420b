package com.salestalk.validation.checks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code metrics.ingested.v1} says about the upload, beyond its rows.
 *
 * @param acceptedRows rows in the normalized object (sizes the checks' arrays)
 * @param rejectedRows rows rejected at upload
 * @param rejectedRowNumbers the rows of the rejections the event lists (at most 100)
 * @param uploadedAt when the upload was stored (the event's timestamp)
 */
public record UploadFacts(
    long acceptedRows, long rejectedRows, List<Long> rejectedRowNumbers, Instant uploadedAt) {

  /** Copies the list. */
  public UploadFacts {
    rejectedRowNumbers = List.copyOf(rejectedRowNumbers);
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }
}
