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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge is unreachable for a while: producers' transactions still commit, the entries wait in
 * the outbox (retried with backoff), a relay restart in between loses nothing, and once EventBridge
 * is back every entry is published exactly once.
 */
@AwsEmulatorTest
class OutboxOutageIT {

  private static final int EVENTS = 12;

  @Test
  void entriesWaitOutAnOutageAndARelayRestartThenAllArriveOnce(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    String outboxTable = AwsResources.unique("local-outbox");
    String tenantsTable = AwsResources.unique("local-tenants");
    EventBridgeFaults faults = new EventBridgeFaults(bus);
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
      QueueWithDlq queue =
          AwsResources.createQueueWithDlq(sqs, AwsResources.unique("analytics"), 3, 30);
      AwsResources.routeToQueue(
          events, bus, "tenant-events", "{\"source\":[\"salestalk.tenant-onboard\"]}", queue.arn());
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              new PublisherSettings(
                  bus, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))),
              EventValidator.strict(),
              registry);
      faults.unreachable(true);

      Outbox outbox =
          new Outbox(dynamo, outboxTable, EventValidator.strict(), metrics, Clock.systemUTC());
      List<EventEnvelope> written =
          IntStream.range(0, EVENTS)
              .mapToObj(i -> EventSamples.of("tenant.provisioned.v1"))
              .toList();
      for (int i = 0; i < EVENTS; i++) {
        outbox.write(
            List.of(PartialFailureIT.tenantPut(tenantsTable, "tenant-o" + i)),
            List.of(written.get(i)));
      }
      assertThat(dynamo.scan(b -> b.tableName(tenantsTable)).count()).isEqualTo(EVENTS);

      OutboxRelay first = relay(dynamo, publisher, outboxTable, "relay-a", registry, metrics);
      RelayRun run = first.runOnce();
      assertThat(run).isEqualTo(new RelayRun(EVENTS, 0, EVENTS, 0));
      List<Map<String, AttributeValue>> waiting = scan(dynamo, outboxTable);
      assertThat(waiting).hasSize(EVENTS);
      assertThat(waiting)
          .allSatisfy(
              item -> {
                assertThat(item.get("status").s()).isEqualTo("PENDING");
                assertThat(item.get("attempts").n()).isEqualTo("1");
                assertThat(item.get("lastError").s())
                    .startsWith("SdkClientException: Unable to execute HTTP request");
                assertThat(item).doesNotContainKeys("claimedBy", "claimUntil");
              });
      first.refreshBacklog();
      assertThat(first.backlog("tenant-onboard")).isEqualTo(EVENTS);
      assertThat(
              registry
                  .get("salestalk.outbox.backlog")
                  .tag("source", "tenant-onboard")
                  .gauge()
                  .value())
          .isEqualTo(EVENTS);
      assertThat(first.oldestAgeSeconds("tenant-onboard")).isGreaterThan(0);

      first.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> scan(dynamo, outboxTable).stream().allMatch(i -> attempts(i) >= 2));
      first.stop();
      assertThat(first.isRunning()).isFalse();
      assertThat(scan(dynamo, outboxTable)).hasSize(EVENTS);

      OutboxRelay second = relay(dynamo, publisher, outboxTable, "relay-b", registry, metrics);
      second.start();
      faults.unreachable(false);
      await().atMost(Duration.ofSeconds(20)).until(() -> scan(dynamo, outboxTable).isEmpty());
      second.stop();

      List<Message> received = AwsResources.receive(sqs, queue.url(), EVENTS);
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> AwsResources.drainOnce(sqs, queue.url(), received) == EVENTS);
      JsonMapper json = JsonMapper.builder().build();
      assertThat(received)
          .extracting(m -> json.readTree(m.body()).path("detail").path("eventId").asString())
          .containsExactlyInAnyOrderElementsOf(
              written.stream().map(e -> e.eventId().toString()).toList());
      second.refreshBacklog();
      assertThat(second.backlog("tenant-onboard")).isZero();
      assertThat(second.oldestAgeSeconds("tenant-onboard")).isZero();
      assertThat(registry.find("salestalk.publish.failed").counters()).isEmpty();
    }
  }

  private static OutboxRelay relay(
      DynamoDbClient dynamo,
      EventBridgePublisher publisher,
      String table,
      String id,
      SimpleMeterRegistry registry,
      PublishMetrics metrics) {
    OutboxRelaySettings settings =
        new OutboxRelaySettings(
            table,
            id,
            Duration.ofMillis(50),
            100,
            Duration.ofSeconds(30),
            new RetryPolicy(50, Duration.ofMillis(50), Duration.ofMillis(200)),
            Duration.ofSeconds(1),
            1000);
    return new OutboxRelay(dynamo, publisher, settings, metrics, registry, Clock.systemUTC());
  }

  private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
    return dynamo.scan(b -> b.tableName(table).consistentRead(true)).items();
  }

  private static int attempts(Map<String, AttributeValue> item) {
    return Integer.parseInt(item.get("attempts").n());
  }
}
