package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class OutboxRelayLifecycleTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** An outbox with nothing due and two PENDING entries of tenant-onboard in shard 0. */
  private final DynamoDbClient dynamo =
      new DynamoDbClient() {
        @Override
        public QueryResponse query(QueryRequest request) {
          boolean backlogOfShard0 =
              request.keyConditionExpression().equals("#statusShard = :key")
                  && request.expressionAttributeValues().get(":key").s().equals("PENDING#0");
          return QueryResponse.builder()
              .items(
                  backlogOfShard0
                      ? List.of(pending("tenant-onboard", 1_000), pending("tenant-onboard", 2_000))
                      : List.of())
              .build();
        }

        @Override
        public String serviceName() {
          return "dynamodb";
        }

        @Override
        public void close() {}
      };

  private final EventPublisher publisher =
      new EventPublisher() {
        @Override
        public PublishResult publish(List<EventEnvelope> events) {
          throw new AssertionError("nothing is due");
        }

        @Override
        public PublishResult publishPrepared(
            List<PreparedEvent> events, Duration callTimeout, Instant deadline) {
          throw new AssertionError("nothing is due");
        }
      };

  private static Map<String, AttributeValue> pending(String source, long createdAt) {
    return Map.of(
        "source", AttributeValue.fromS(source),
        "createdAt", AttributeValue.fromN(Long.toString(createdAt)));
  }

  @Test
  void aStartedRelayComputesTheBacklogGaugesOnItsFirstRun() {
    OutboxRelay relay =
        new OutboxRelay(
            dynamo,
            publisher,
            new OutboxProperties(
                true,
                "local-outbox",
                8,
                new OutboxProperties.Relay(
                    true,
                    "relay-1",
                    Duration.ofHours(1),
                    100,
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(5),
                    20,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5),
                    Duration.ofHours(1),
                    10_000)),
            new PublishMetrics(registry, EventCatalog.standard()),
            registry,
            Clock.systemUTC());
    OutboxRelayLifecycle lifecycle = new OutboxRelayLifecycle(relay, Clock.systemUTC());

    lifecycle.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          registry
                              .get("salestalk.outbox.backlog")
                              .tag("source", "tenant-onboard")
                              .gauge()
                              .value())
                      .isEqualTo(2));
    } finally {
      lifecycle.stop();
    }
    assertThat(lifecycle.isRunning()).isFalse();
  }
}
