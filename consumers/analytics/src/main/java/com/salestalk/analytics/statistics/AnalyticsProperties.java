package com.salestalk.analytics.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.analytics.*}.
 *
 * @param table the {@code {env}-analytics} table (the stack output AnalyticsTableName)
 * @param maxRangeDays the most days one request may ask for
 */
@ConfigurationProperties(AnalyticsProperties.PREFIX)
public record AnalyticsProperties(String table, @DefaultValue("366") int maxRangeDays) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.analytics";

  /** Checks the values; a wrong one is named by its property. */
  public AnalyticsProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output AnalyticsTableName,"
              + " salestalk.aws.analytics-table-name)");
    }
    if (maxRangeDays < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-range-days must be at least 1");
    }
  }
}
