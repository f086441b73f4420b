package com.salestalk.aws.metrics;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Builds the CloudWatch meter registry (micrometer-registry-cloudwatch2) every SalesTalk app
 * exports through. The client decides where metrics go, so an emulator endpoint works as long as
 * the client speaks the query protocol (AWS SDK ≤ 2.40.5, DESIGN §8).
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
    return new CloudWatchMeterRegistry(config, clock, client);
  }
}
