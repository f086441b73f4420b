package com.salestalk.aggregation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.aggregation.*}.
 *
 * @param table the cells table (the stack output MetricCellsTableName)
 * @param bucket the uploads bucket holding the normalized rows (the stack output UploadsBucketName)
 * @param pathStyleAccess address the bucket by path rather than by virtual host (the emulator)
 * @param maxCells most cells (metric × month × dimension value, totals included) one upload may
 *     make; they are held in memory while its rows stream. An upload with more is dead-lettered
 * @param writeConcurrency months written at the same time
 */
@ConfigurationProperties(AggregationProperties.PREFIX)
public record AggregationProperties(
    String table,
    String bucket,
    @DefaultValue("false") boolean pathStyleAccess,
    @DefaultValue("200000") int maxCells,
    @DefaultValue("4") int writeConcurrency) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.aggregation";

  /** Requires the resource names and positive limits. */
  public AggregationProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output MetricCellsTableName,"
              + " salestalk.aws.metric-cells-table-name)");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".bucket must be set (the stack output UploadsBucketName,"
              + " salestalk.aws.uploads-bucket-name)");
    }
    if (maxCells < 1 || writeConcurrency < 1) {
      throw new IllegalArgumentException(
          PREFIX + ".max-cells and .write-concurrency must be at least 1");
    }
  }
}
