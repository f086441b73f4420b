package com.salestalk.validation.reports;

import com.salestalk.validation.checks.CheckSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The validation consumer.
 *
 * @param table the reports table (the stack output DataQualityReportsTableName)
 * @param bucket the uploads bucket (the stack output UploadsBucketName)
 * @param pathStyleAccess address the bucket by path rather than by virtual host (the emulator)
 * @param nonNegativeMetrics metrics that cannot be negative (case and surrounding blanks ignored)
 * @param minCompleteness the share of complete rows (0 to 1) below which completeness does not pass
 * @param freshnessMaxAge how old the newest period may be at upload time, in whole days
 * @param maxDetails most details a check lists (1 to 100)
 */
@ConfigurationProperties(ValidationProperties.PREFIX)
record ValidationProperties(
    String table,
    String bucket,
    @DefaultValue("false") boolean pathStyleAccess,
    @DefaultValue({
          "revenue",
          "bookings",
          "pipeline",
          "deals_closed",
          "deals_won",
          "units",
          "units_sold",
          "orders",
          "quantity",
          "customers",
          "new_customers",
          "churned_customers",
          "leads"
        })
        List<String> nonNegativeMetrics,
    @DefaultValue("1") BigDecimal minCompleteness,
    @DefaultValue("35d") Duration freshnessMaxAge,
    @DefaultValue("20") int maxDetails) {

  /** Property prefix. */
  static final String PREFIX = "salestalk.validation";

  /** Requires the resource names. */
  ValidationProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output DataQualityReportsTableName,"
              + " salestalk.aws.data-quality-reports-table-name)");
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".bucket must be set (the stack output UploadsBucketName,"
              + " salestalk.aws.uploads-bucket-name)");
    }
  }

  /** What the checks hold an upload to. */
  CheckSettings checks() {
    return new CheckSettings(
        Set.copyOf(nonNegativeMetrics), minCompleteness, freshnessMaxAge, maxDetails);
  }
}
