package com.salestalk.metricdata.cells;

import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The upload that set a cell. Upload ids are {@code upl-} + 12 hex digits of the upload's time in
 * epoch milliseconds + {@code -} + random characters, so comparing ids compares upload times first
 * (ties, two uploads of one tenant in the same millisecond, are broken by the random part): the
 * order in which the last upload wins.
 *
 * @param uploadId the upload's id
 * @param uploadedAt when it was uploaded (from the id)
 */
public record UploadStamp(String uploadId, Instant uploadedAt) implements Comparable<UploadStamp> {

  private static final Pattern FORM = Pattern.compile("upl-[0-9a-f]{12}-[a-z0-9]{1,32}");

  /** Requires an upload id whose time is {@code uploadedAt}. */
  public UploadStamp {
    requireForm(uploadId);
    if (uploadedAt == null || uploadedAt.toEpochMilli() != millis(uploadId)) {
      throw new IllegalArgumentException(
          "upload id " + uploadId + " was not made at " + uploadedAt);
    }
  }

  /**
   * The stamp of an upload id.
   *
   * @throws IllegalArgumentException when the id is not {@code upl-{12 hex}-{random}}
   */
  public static UploadStamp of(String uploadId) {
    requireForm(uploadId);
    return new UploadStamp(uploadId, Instant.ofEpochMilli(millis(uploadId)));
  }

  private static void requireForm(String uploadId) {
    if (uploadId == null || !FORM.matcher(uploadId).matches()) {
      throw new IllegalArgumentException(
          "upload id '" + uploadId + "' is not upl-{12 hex digits of epoch ms}-{random}");
    }
  }

  private static long millis(String uploadId) {
    return HexFormat.fromHexDigitsToLong(uploadId, 4, 16);
  }

  /** Whether this upload is newer than {@code other}, i.e. wins a cell both cover. */
  public boolean isNewerThan(UploadStamp other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(UploadStamp other) {
    return uploadId.compareTo(other.uploadId);
  }
}
