package com.salestalk.eventaws.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.metrics.cloudwatch.*}: CloudWatch export. The client's endpoint and region come
 * from {@code spring.cloud.aws.cloudwatch.*} or the global {@code spring.cloud.aws.*}.
 *
 * @param enabled export to CloudWatch (default {@code true})
 * @param namespace the namespace (default {@code SalesTalk})
 * @param step the publishing interval (default 1 minute)
 */
@ConfigurationProperties(CloudWatchExportProperties.PREFIX)
public record CloudWatchExportProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("SalesTalk") String namespace,
    @DefaultValue("1m") Duration step) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.metrics.cloudwatch";
}
