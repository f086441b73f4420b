package com.salestalk.eventaws.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A producer and a consumer that get everything from the dependency and a few properties: the
 * producer's outbox write is relayed to EventBridge, routed to the consumer's queue and handled.
 */
@AwsEmulatorTest
class AutoConfiguredServicesIT {

  @Test
  void anOutboxWriteInOneServiceIsHandledByAnotherThroughPropertiesAlone(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    String outboxTable = AwsResources.unique("local-outbox");
    String dedupeTable = AwsResources.unique("local-idempotency");
    QueueWithDlq queue;
    try (EventBridgeClient events = aws.configure(EventBridgeClient.builder()).build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build();
        DynamoDbClient dynamo = aws.configure(DynamoDbClient.builder()).build()) {
      AwsResources.createOutboxTable(dynamo, outboxTable);
      AwsResources.createIdempotencyTable(dynamo, dedupeTable);
      queue = AwsResources.createQueueWithDlq(sqs, AwsResources.unique("analytics"), 3, 5);
      AwsResources.routeToQueue(
          events, bus, "analytics", "{\"detail-type\":[\"tenant.provisioned.v1\"]}", queue.arn());
    }
    ApplicationContextRunner base =
        new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues(
                "spring.cloud.aws.endpoint=" + aws.uri(),
                "spring.cloud.aws.region.static=" + aws.region(),
                "spring.cloud.aws.credentials.access-key=" + aws.accessKeyId(),
                "spring.cloud.aws.credentials.secret-key=" + aws.secretAccessKey(),
                "salestalk.metrics.cloudwatch.enabled=false");
    List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
    EventEnvelope event = EventSamples.of("tenant.provisioned.v1");

    base.withPropertyValues(
            "salestalk.consumer.name=analytics",
            "salestalk.consumer.queue=" + queue.url(),
            "salestalk.consumer.dedupe-table=" + dedupeTable,
            "salestalk.consumer.lease=5s", // at most the queue's visibility timeout
            "spring.cloud.aws.sqs.listener.poll-timeout=1s")
        .withBean(
            EventHandlers.class,
            () ->
                EventHandlers.builder()
                    .on(TenantProvisioned.class, (received, payload) -> handled.add(received))
                    .build())
        .run(
            consumer ->
                base.withPropertyValues(
                        "salestalk.publisher.bus-name=" + bus,
                        "salestalk.outbox.enabled=true",
                        "salestalk.outbox.table=" + outboxTable,
                        "salestalk.outbox.relay.interval=100ms")
                    .run(
                        producer -> {
                          producer.getBean(Outbox.class).write(List.of(), List.of(event));
                          await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 1);
                          assertThat(handled).containsExactly(event);
                        }));
  }
}
