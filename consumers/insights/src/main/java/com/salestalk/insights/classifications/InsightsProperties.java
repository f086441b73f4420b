package com.salestalk.insights.classifications;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.insights.*}.
 *
 * @param table the {@code {env}-insights} table (the stack output InsightsTableName)
 * @param lowConfidenceThreshold a classification whose confidence is below this is low-confidence;
 *     applied when an event is processed, so a change counts only events processed afterwards
 * @param samplesPerDay how many unknown or low-confidence utterances are kept per tenant and day
 *     (the newest), and the most a response lists; 1 to 40
 * @param maxRangeDays the most days one request may ask for
 */
@ConfigurationProperties(InsightsProperties.PREFIX)
public record InsightsProperties(
    String table,
    @DefaultValue("0.5") BigDecimal lowConfidenceThreshold,
    @DefaultValue("20") int samplesPerDay,
    @DefaultValue("366") int maxRangeDays) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.insights";

  /** The most samples per day: a day's trimming deletes stay well inside one transaction. */
  static final int MAX_SAMPLES_PER_DAY = 40;

  /** Checks the values; a wrong one is named by its property. */
  public InsightsProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output InsightsTableName,"
              + " salestalk.aws.insights-table-name)");
    }
    if (lowConfidenceThreshold == null
        || lowConfidenceThreshold.signum() <= 0
        || lowConfidenceThreshold.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          PREFIX + ".low-confidence-threshold must be above 0 and at most 1");
    }
    if (samplesPerDay < 1 || samplesPerDay > MAX_SAMPLES_PER_DAY) {
      throw new IllegalArgumentException(
          PREFIX + ".samples-per-day must be 1 to " + MAX_SAMPLES_PER_DAY);
    }
    if (maxRangeDays < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-range-days must be at least 1");
    }
  }
}
