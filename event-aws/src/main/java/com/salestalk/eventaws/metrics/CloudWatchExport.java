package com.salestalk.eventaws.metrics;

import com.salestalk.eventcontracts.metrics.MetricDefinition;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Builds the CloudWatch meter registry (micrometer-registry-cloudwatch2) every SalesTalk app
 * exports through; it exports only the metrics of {@link SalesTalkMetrics}. The client decides
 * where metrics go, so an emulator endpoint works as long as the client speaks the query protocol
 * (AWS SDK ≤ 2.40.5, see docs/event-aws.md).
 */
public final class CloudWatchExport {

  private CloudWatchExport() {}

  /**
   * A registry publishing to {@code namespace} every {@code step}.
   *
   * @param client the CloudWatch client, pointed at the target endpoint
   * @param namespace e.g. {@code SalesTalk}
   * @param step the publishing interval (CloudWatch's resolution is 1 minute; shorter only in
   *     tests)
   * @param clock micrometer's clock
   * @return a started registry; close it to publish the last step and stop
   */
  public static CloudWatchMeterRegistry registry(
      CloudWatchAsyncClient client, String namespace, Duration step, Clock clock) {
    CloudWatchConfig config =
        new CloudWatchConfig() {
          @Override
          public String get(String key) {
            return null;
          }

          @Override
          public String namespace() {
            return namespace;
          }

          @Override
          public Duration step() {
            return step;
          }
        };
    CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config, clock, client);
    registry.config().meterFilter(onlySalesTalkMetrics());
    return registry;
  }

  /**
   * Lets through only the metrics of {@link SalesTalkMetrics}: the namespace holds what alarms and
   * dashboards name, not every JVM and HTTP meter of every app (those stay on {@code
   * /actuator/metrics}), which keeps CloudWatch cost and cardinality bounded.
   */
  static MeterFilter onlySalesTalkMetrics() {
    Set<String> names =
        SalesTalkMetrics.all().stream()
            .map(MetricDefinition::name)
            .collect(Collectors.toUnmodifiableSet());
    // a timer's percentiles are meters of their own, named "<timer>.percentile"
    return MeterFilter.denyUnless(
        id ->
            names.contains(id.getName())
                || names.contains(id.getName().replaceFirst("\\.percentile$", "")));
  }
}
