package com.salestalk.eventaws.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventaws.metrics.CloudWatchExportProperties;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventaws.outbox.OutboxRelay;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventcontracts.samples.EventSamples;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

class AutoConfigurationTest {

  /** The bean that runs the relay on its schedule. */
  private static final String RELAY_LIFECYCLE = "outboxRelayLifecycle";

  private final ApplicationContextRunner runner =
      KitAutoConfigurations.runner()
          .withPropertyValues(
              // async (Netty) clients take ~2 s to close; only the tests that need SQS enable it
              "spring.cloud.aws.sqs.enabled=false");

  @Test
  void buildsEveryClientFromSpringCloudAwsProperties() {
    runner
        .withPropertyValues(
            "spring.cloud.aws.sqs.enabled=true", "salestalk.metrics.cloudwatch.enabled=true")
        .withPropertyValues("salestalk.metrics.cloudwatch.step=1h")
        .run(
            context -> {
              for (Class<?> type :
                  List.of(
                      EventBridgeClient.class,
                      DynamoDbClient.class,
                      SqsAsyncClient.class,
                      CloudWatchAsyncClient.class)) {
                var client = (software.amazon.awssdk.core.SdkClient) context.getBean(type);
                var configuration =
                    (software.amazon.awssdk.awscore.AwsServiceClientConfiguration)
                        client.serviceClientConfiguration();
                assertThat(configuration.endpointOverride())
                    .as(type.getSimpleName())
                    .contains(URI.create("http://127.0.0.1:4566"));
                assertThat(configuration.region())
                    .as(type.getSimpleName())
                    .isEqualTo(Region.EU_WEST_1);
              }
            });
  }

  @Test
  void perServicePropertiesOverrideTheSharedEndpoint() {
    runner
        .withPropertyValues(
            "spring.cloud.aws.eventbridge.endpoint=http://127.0.0.1:7001",
            "spring.cloud.aws.eventbridge.region=us-east-2",
            "spring.cloud.aws.dynamodb.endpoint=http://127.0.0.1:7002",
            "spring.cloud.aws.cloudwatch.endpoint=http://127.0.0.1:7003",
            "salestalk.metrics.cloudwatch.enabled=true",
            "salestalk.metrics.cloudwatch.step=1h")
        .run(
            context -> {
              var events = context.getBean(EventBridgeClient.class).serviceClientConfiguration();
              assertThat(events.endpointOverride()).contains(URI.create("http://127.0.0.1:7001"));
              assertThat(events.region()).isEqualTo(Region.US_EAST_2);
              assertThat(
                      context
                          .getBean(DynamoDbClient.class)
                          .serviceClientConfiguration()
                          .endpointOverride())
                  .contains(URI.create("http://127.0.0.1:7002"));
              assertThat(
                      context
                          .getBean(CloudWatchAsyncClient.class)
                          .serviceClientConfiguration()
                          .endpointOverride())
                  .contains(URI.create("http://127.0.0.1:7003"));
            });
  }

  @Test
  void definesTheEventBridgePublisherOnTheConfiguredBus() {
    List<PutEventsRequest> sent = new ArrayList<>();
    runner
        .withPropertyValues("salestalk.publisher.bus-name=salestalk-staging")
        .withBean(EventBridgeClient.class, () -> recording(sent))
        .run(
            context -> {
              assertThat(context).hasSingleBean(EventPublisher.class);
              assertThat(context.getBean(EventPublisher.class))
                  .isInstanceOf(EventBridgePublisher.class);
              PublishResult result =
                  context
                      .getBean(EventPublisher.class)
                      .publish(List.of(EventSamples.of("tenant.provisioned.v1")));
              assertThat(result.allPublished()).isTrue();
              assertThat(sent.get(0).entries().get(0).eventBusName())
                  .isEqualTo("salestalk-staging");
            });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnPublisher() {
    EventPublisher own =
        new EventPublisher() {
          @Override
          public PublishResult publish(
              List<com.salestalk.eventcontracts.envelope.EventEnvelope> e) {
            return new PublishResult(List.of(), List.of(), List.of());
          }

          @Override
          public PublishResult publishPrepared(
              List<com.salestalk.eventaws.publish.PreparedEvent> e,
              Duration callTimeout,
              Instant deadline) {
            return new PublishResult(List.of(), List.of(), List.of());
          }
        };
    runner
        .withBean(EventPublisher.class, () -> own)
        .run(context -> assertThat(context.getBean(EventPublisher.class)).isSameAs(own));
  }

  @Test
  void anApplicationWithoutAnOutboxGetsNeitherOutboxNorRelay() {
    // service-kit maps the stack's outbox table for every app; only an enabled outbox counts
    runner
        .withPropertyValues("salestalk.outbox.table=local-outbox")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Outbox.class);
              assertThat(context).doesNotHaveBean(OutboxRelay.class);
              assertThat(context).doesNotHaveBean(RELAY_LIFECYCLE);
            });
  }

  @Test
  void anApplicationWithAnOutboxGetsTheOutboxAndARunningRelay() {
    runner
        .withPropertyValues(
            "salestalk.outbox.enabled=true",
            "salestalk.outbox.table=local-outbox",
            "salestalk.outbox.relay.instance-id=relay-1",
            "salestalk.outbox.relay.interval=1h")
        .run(
            context -> {
              assertThat(context.getBean(Outbox.class).tableName()).isEqualTo("local-outbox");
              assertThat(context.getBean(OutboxRelay.class).relayId()).isEqualTo("relay-1");
              SmartLifecycle relay = context.getBean(RELAY_LIFECYCLE, SmartLifecycle.class);
              assertThat(relay.isRunning()).isTrue();
              context.close();
              assertThat(relay.isRunning()).isFalse();
            });
  }

  @Test
  void anOutboxWithoutItsTableFailsWithTheMissingProperty() {
    runner
        .withPropertyValues("salestalk.outbox.enabled=true")
        .run(
            failsWith(
                "salestalk.outbox.table must be set (the stack output OutboxTableName,"
                    + " salestalk.aws.outbox-table-name)"));
  }

  @Test
  void theRelayCanBeTurnedOffWhileTheOutboxStays() {
    runner
        .withPropertyValues(
            "salestalk.outbox.enabled=true",
            "salestalk.outbox.table=local-outbox",
            "salestalk.outbox.relay.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(Outbox.class);
              assertThat(context).doesNotHaveBean(OutboxRelay.class);
              assertThat(context).doesNotHaveBean(RELAY_LIFECYCLE);
            });
  }

  @Test
  void aBlankBusNameFailsWithTheMissingProperty() {
    runner
        .withPropertyValues("salestalk.publisher.bus-name=")
        .run(
            failsWith(
                "salestalk.publisher.bus-name must be set (the stack output BusName,"
                    + " salestalk.aws.bus-name)"));
  }

  /** The context did not start, and the root cause says {@code message}. */
  private static ContextConsumer<AssertableApplicationContext> failsWith(String message) {
    return context -> assertThat(context).getFailure().rootCause().hasMessage(message);
  }

  @Test
  void exportsToCloudWatchInTheSalesTalkNamespaceByDefault() {
    runner
        .withPropertyValues("salestalk.metrics.cloudwatch.enabled=true")
        .withBean(CloudWatchAsyncClient.class, AutoConfigurationTest::silentCloudWatch)
        .run(
            context -> {
              assertThat(context).hasSingleBean(CloudWatchMeterRegistry.class);
              assertThat(context.getBean(CloudWatchExportProperties.class).namespace())
                  .isEqualTo("SalesTalk");
            });
  }

  @Test
  void withSpringBootMetricsTheKitRecordsIntoTheCloudWatchRegistry() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("salestalk.metrics.cloudwatch.enabled=true")
        .withBean(CloudWatchAsyncClient.class, AutoConfigurationTest::silentCloudWatch)
        .withBean(EventBridgeClient.class, () -> recording(new ArrayList<>()))
        .run(
            context -> {
              assertThat(context.getBean(MeterRegistry.class))
                  .isInstanceOf(CloudWatchMeterRegistry.class);
              context
                  .getBean(EventPublisher.class)
                  .publish(List.of(EventSamples.of("tenant.provisioned.v1")));
              // a step counter reports completed steps only, so look for the meter itself
              assertThat(
                      context
                          .getBean(CloudWatchMeterRegistry.class)
                          .find("salestalk.publish.published")
                          .tag("eventType", "tenant.provisioned.v1")
                          .tag("source", "tenant-onboard")
                          .counters())
                  .hasSize(1);
              assertThat(context).hasSingleBean(PublishMetrics.class);
            });
  }

  /** A CloudWatch client that accepts every PutMetricData without a network. */
  private static CloudWatchAsyncClient silentCloudWatch() {
    return new CloudWatchAsyncClient() {
      @Override
      public java.util.concurrent.CompletableFuture<
              software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse>
          putMetricData(
              software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest request) {
        return java.util.concurrent.CompletableFuture.completedFuture(
            software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse.builder()
                .build());
      }

      @Override
      public String serviceName() {
        return "monitoring";
      }

      @Override
      public void close() {}
    };
  }

  private static EventBridgeClient recording(List<PutEventsRequest> sent) {
    return new EventBridgeClient() {
      @Override
      public PutEventsResponse putEvents(PutEventsRequest request) {
        sent.add(request);
        return PutEventsResponse.builder()
            .failedEntryCount(0)
            .entries(
                request.entries().stream()
                    .map(e -> PutEventsResultEntry.builder().eventId("x").build())
                    .toList())
            .build();
      }

      @Override
      public String serviceName() {
        return "events";
      }

      @Override
      public void close() {}
    };
  }
}
