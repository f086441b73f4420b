package com.salestalk.eventaws.clients;

import io.awspring.cloud.autoconfigure.AwsClientProperties;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbProperties;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchProperties;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The AWS clients the kit needs and Spring Cloud AWS does not already provide, each built through
 * Spring Cloud AWS's {@link AwsClientBuilderConfigurer}, so credentials ({@code
 * spring.cloud.aws.credentials.*}), region ({@code spring.cloud.aws.region.static}) and endpoint
 * ({@code spring.cloud.aws.endpoint}) are shared with its SQS client:
 *
 * <ul>
 *   <li>{@link EventBridgeClient}: overrides {@code spring.cloud.aws.eventbridge.endpoint|region};
 *   <li>{@link DynamoDbClient}: overrides {@code spring.cloud.aws.dynamodb.endpoint|region} (unless
 *       Spring Cloud AWS's DynamoDB module defines one);
 *   <li>{@link CloudWatchAsyncClient}: overrides {@code
 *       spring.cloud.aws.cloudwatch.endpoint|region} (unless Spring Cloud AWS's metrics export
 *       defines one).
 * </ul>
 *
 * The {@code SqsAsyncClient} is Spring Cloud AWS's ({@code spring.cloud.aws.sqs.*}). Each bean
 * backs off when the application defines its own.
 */
@AutoConfiguration(
    afterName = {
      "io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
      "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration",
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration"
    })
@ConditionalOnClass(AwsClientBuilderConfigurer.class)
public class AwsClientsAutoConfiguration {

  /** The EventBridge client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(EventBridgeClient.class)
  @EnableConfigurationProperties(EventBridgeProperties.class)
  static class EventBridgeClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventBridgeClient eventBridgeClient(
        ObjectProvider<AwsClientBuilderConfigurer> configurer,
        ObjectProvider<AwsConnectionDetails> connectionDetails,
        EventBridgeProperties properties) {
      return configure(
              EventBridgeClient.builder(),
              configurer,
              connectionDetails,
              clientProperties(properties.endpoint(), properties.region()))
          .build();
    }
  }

  /** The DynamoDB client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DynamoDbClient.class)
  @EnableConfigurationProperties(DynamoDbProperties.class)
  static class DynamoDbClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DynamoDbClient dynamoDbClient(
        ObjectProvider<AwsClientBuilderConfigurer> configurer,
        ObjectProvider<AwsConnectionDetails> connectionDetails,
        DynamoDbProperties properties) {
      return configure(DynamoDbClient.builder(), configurer, connectionDetails, properties).build();
    }
  }

  /** The CloudWatch client the meter registry publishes through, unless export is off. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CloudWatchAsyncClient.class)
  @ConditionalOnProperty(
      prefix = "salestalk.metrics.cloudwatch",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  @EnableConfigurationProperties(CloudWatchProperties.class)
  static class CloudWatchClientConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CloudWatchAsyncClient cloudWatchAsyncClient(
        ObjectProvider<AwsClientBuilderConfigurer> configurer,
        ObjectProvider<AwsConnectionDetails> connectionDetails,
        CloudWatchProperties properties) {
      return configure(CloudWatchAsyncClient.builder(), configurer, connectionDetails, properties)
          .build();
    }
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder,
      ObjectProvider<AwsClientBuilderConfigurer> configurer,
      ObjectProvider<AwsConnectionDetails> connectionDetails,
      AwsClientProperties properties) {
    AwsClientBuilderConfigurer shared = configurer.getIfAvailable();
    if (shared == null) {
      if (properties.getEndpoint() != null) {
        builder.endpointOverride(properties.getEndpoint());
      }
      if (properties.getRegion() != null) {
        builder.region(software.amazon.awssdk.regions.Region.of(properties.getRegion()));
      }
      return builder;
    }
    return shared.configure(builder, properties, connectionDetails.getIfAvailable());
  }

  private static AwsClientProperties clientProperties(URI endpoint, String region) {
    AwsClientProperties properties = new AwsClientProperties() {};
    properties.setEndpoint(endpoint);
    properties.setRegion(region);
    return properties;
  }
}
