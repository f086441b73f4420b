package com.salestalk.eventaws.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.metrics.cloudwatch.*}: CloudWatch export. The client's endpoint and region come
 * from {@code spring.cloud.aws.cloudwatch.*} or the global {@code spring.cloud.aws.*}.
 *
 * @param enabled whether to export the SalesTalk metrics to CloudWatch
 * @param namespace the CloudWatch namespace
 * @param step the publishing interval (CloudWatch's resolution is one minute)
 */
@ConfigurationProperties(CloudWatchExportProperties.PREFIX)
public record CloudWatchExportProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("SalesTalk") String namespace,
    @DefaultValue("1m") Duration step) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.metrics.cloudwatch";
}
