package com.salestalk.aws.autoconfigure;

import com.salestalk.aws.clients.AwsClientsAutoConfiguration;
import com.salestalk.aws.consume.ConsumerAutoConfiguration;
import com.salestalk.aws.metrics.CloudWatchExportAutoConfiguration;
import com.salestalk.aws.outbox.OutboxAutoConfiguration;
import com.salestalk.aws.publish.PublisherAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** The auto-configurations an application with the kit gets: Spring Cloud AWS's and the kit's. */
final class KitAutoConfigurations {

  static final AutoConfigurations ALL =
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

  private KitAutoConfigurations() {}
}
