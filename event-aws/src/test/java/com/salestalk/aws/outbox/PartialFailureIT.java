package com.salestalk.aws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.aws.publish.EventBridgePublisher;
import com.salestalk.aws.publish.PublishMetrics;
import com.salestalk.aws.publish.PublisherSettings;
import com.salestalk.aws.publish.RetryPolicy;
import com.salestalk.aws.support.AwsResources;
import com.salestalk.aws.support.AwsResources.QueueWithDlq;
import com.salestalk.aws.support.EventBridgeFaults;
import com.salestalk.contracts.catalog.EventCatalog;
import com.salestalk.contracts.envelope.EventEnvelope;
import com.salestalk.contracts.samples.EventSamples;
import com.salestalk.contracts.validation.EventValidator;
import com.salestalk.emulator.AwsEmulatorTest;
import com.salestalk.emulator.AwsEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge fails chosen entries of a real PutEvents (retryable and not) and then recovers: only
 * the failed retryable entries are sent again, every other event arrives exactly once, and the
 * non-retryable one is parked in the outbox and counted.
 */
@AwsEmulatorTest
class PartialFailureIT {

  @Test
  void resendsOnlyFailedRetryableEntriesAndParksTheNonRetryableOne(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    String blackhole = AwsResources.unique("blackhole");
    String outboxTable = AwsResources.unique("local-outbox");
    String tenantsTable = AwsResources.unique("local-tenants");
    EventBridgeFaults faults = new EventBridgeFaults(blackhole);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PublishMetrics metrics = new PublishMetrics(registry, EventCatalog.standard());
    try (EventBridgeClient events =
            aws.configure(EventBridgeClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(faults))
                .build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build();
        DynamoDbClient dynamo = aws.configure(DynamoDbClient.builder()).build()) {
      AwsResources.createOutboxTable(dynamo, outboxTable);
      AwsResources.createTable(dynamo, tenantsTable, "tenantId");
      events.createEventBus(b -> b.name(blackhole));
      QueueWithDlq queue =
          AwsResources.createQueueWithDlq(sqs, AwsResources.unique("aggregation"), 3, 30);
      AwsResources.routeToQueue(
          events, bus, "tenant-events", "{\"source\":[\"salestalk.tenant-onboard\"]}", queue.arn());
      Outbox outbox =
          new Outbox(dynamo, outboxTable, EventValidator.strict(), metrics, Clock.systemUTC());
      List<EventEnvelope> batch =
          IntStream.range(0, 10).mapToObj(i -> EventSamples.of("tenant.provisioned.v1")).toList();
      List<String> ids = batch.stream().map(e -> e.eventId().toString()).toList();
      for (int i = 0; i < batch.size(); i++) {
        outbox.write(List.of(tenantPut(tenantsTable, "tenant-t" + i)), List.of(batch.get(i)));
      }
      faults.fail(ids.get(1), "ThrottlingException");
      faults.fail(ids.get(3), "InternalFailure", "InternalFailure");
      faults.fail(ids.get(6), "MalformedDetail");
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              new PublisherSettings(
                  bus, new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40))),
              EventValidator.strict(),
              registry);
      OutboxRelay relay =
          new OutboxRelay(
              dynamo,
              publisher,
              OutboxRelaySettings.defaults(outboxTable, "relay-a"),
              metrics,
              registry,
              Clock.systemUTC());

      RelayRun run = relay.runOnce();

      assertThat(run).isEqualTo(new RelayRun(10, 9, 0, 1));
      List<List<String>> calls = faults.calls();
      assertThat(calls).hasSize(3);
      assertThat(calls.get(0)).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(calls.get(1)).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
      assertThat(calls.get(2)).containsExactly(ids.get(3));

      List<String> expected = new ArrayList<>(ids);
      expected.remove(ids.get(6));
      List<Message> received = AwsResources.receive(sqs, queue.url(), 9);
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> AwsResources.drainOnce(sqs, queue.url(), received) == 9);
      JsonMapper json = JsonMapper.builder().build();
      assertThat(received)
          .extracting(m -> json.readTree(m.body()).path("detail").path("eventId").asString())
          .containsExactlyInAnyOrderElementsOf(expected);

      List<Map<String, AttributeValue>> left =
          dynamo.scan(b -> b.tableName(outboxTable).consistentRead(true)).items();
      assertThat(left).hasSize(1);
      Map<String, AttributeValue> parked = left.get(0);
      assertThat(parked.get("id").s()).isEqualTo(ids.get(6));
      assertThat(parked.get("status").s()).isEqualTo("FAILED");
      assertThat(parked.get("attempts").n()).isEqualTo("1");
      assertThat(parked.get("lastError").s())
          .isEqualTo("MalformedDetail: injected MalformedDetail");
      assertThat(parked).doesNotContainKeys("claimedBy", "claimUntil");
      assertThat(
              registry
                  .get("salestalk.publish.failed")
                  .tag("eventType", "tenant.provisioned.v1")
                  .tag("source", "tenant-onboard")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("salestalk.publish.published")
                  .tag("eventType", "tenant.provisioned.v1")
                  .tag("source", "tenant-onboard")
                  .counter()
                  .count())
          .isEqualTo(9);
      assertThat(dynamo.scan(b -> b.tableName(tenantsTable)).count()).isEqualTo(10);
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(0, 0, 0, 0));
    }
  }

  static TransactWriteItem tenantPut(String table, String tenantId) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(
                    Map.of(
                        "tenantId", AttributeValue.fromS(tenantId),
                        "name", AttributeValue.fromS("Acme " + tenantId)))
                .build())
        .build();
  }
}
