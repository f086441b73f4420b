package com.salestalk.metricshandler.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The uploads feature.
 *
 * @param table the uploads table (the stack output UploadsTableName)
 * @param bucket the uploads bucket (the stack output UploadsBucketName)
 * @param pathStyleAccess address the bucket by path rather than by virtual host (the emulator)
 * @param maxBytes largest file; Spring's multipart limits are set from it
 * @param maxRows most data rows in a file
 * @param maxColumns most columns in the header
 * @param maxCellLength most characters in one cell
 * @param maxMetrics most distinct metric names in a file (the event lists them all)
 * @param partSize size of the parts of an S3 multipart upload; a smaller object is one PutObject
 * @param maxPageSize largest {@code size} of a list page
 */
@ConfigurationProperties(UploadsProperties.PREFIX)
record UploadsProperties(
    String table,
    String bucket,
    @DefaultValue("false") boolean pathStyleAccess,
    @DefaultValue("50MB") DataSize maxBytes,
    @DefaultValue("1000000") long maxRows,
    @DefaultValue("50") int maxColumns,
    @DefaultValue("256") int maxCellLength,
    @DefaultValue("1000") int maxMetrics,
    @DefaultValue("8MB") DataSize partSize,
    @DefaultValue("100") int maxPageSize) {

  /** Property prefix. */
  static final String PREFIX = "salestalk.uploads";

  /** Requires the resource names. */
  UploadsProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output UploadsTableName,"
              + " salestalk.aws.uploads-table-name)");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".bucket must be set (the stack output UploadsBucketName,"
              + " salestalk.aws.uploads-bucket-name)");
    }
    if (partSize.toBytes() < 5 * 1024 * 1024) {
      throw new IllegalArgumentException(PREFIX + ".part-size must be at least 5MB (S3's minimum)");
    }
  }
}
