package com.salestalk.eventaws.autoconfigure;

import com.salestalk.eventaws.clients.AwsClientsAutoConfiguration;
import com.salestalk.eventaws.consume.ConsumerAutoConfiguration;
import com.salestalk.eventaws.metrics.CloudWatchExportAutoConfiguration;
import com.salestalk.eventaws.outbox.OutboxAutoConfiguration;
import com.salestalk.eventaws.publish.PublisherAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configurations an application with the kit gets: Spring Cloud AWS's and the kit's. */
public final class KitAutoConfigurations {

  /** Spring Cloud AWS's core and SQS auto-configurations, then the kit's. */
  public static final AutoConfigurations ALL =
      AutoConfigurations.of(
          CredentialsProviderAutoConfiguration.class,
          RegionProviderAutoConfiguration.class,
          AwsAutoConfiguration.class,
          SqsAutoConfiguration.class,
          AwsClientsAutoConfiguration.class,
          CloudWatchExportAutoConfiguration.class,
          PublisherAutoConfiguration.class,
          OutboxAutoConfiguration.class,
          ConsumerAutoConfiguration.class);

  /**
   * A runner with {@link #ALL} and an endpoint, region and credentials that are never contacted,
   * and no CloudWatch export.
   */
  public static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(ALL)
        .withPropertyValues(
            "spring.cloud.aws.endpoint=http://127.0.0.1:4566",
            "spring.cloud.aws.region.static=eu-west-1",
            "spring.cloud.aws.credentials.access-key=test",
            "spring.cloud.aws.credentials.secret-key=test",
            "salestalk.metrics.cloudwatch.enabled=false");
  }

  private KitAutoConfigurations() {}
}
