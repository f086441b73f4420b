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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/** Two relays on one outbox table: the conditional claim lets each entry go out exactly once. */
@AwsEmulatorTest
class ConcurrentRelaysIT {

  private static final int EVENTS = 40;

  @Test
  void twoRelaysPublishEveryEntryExactlyOnce(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    String outboxTable = AwsResources.unique("local-outbox");
    EventBridgeFaults recorder = new EventBridgeFaults(bus);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PublishMetrics metrics = new PublishMetrics(registry, EventCatalog.standard());
    try (EventBridgeClient events =
            aws.configure(EventBridgeClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
                .build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build();
        DynamoDbClient dynamo = aws.configure(DynamoDbClient.builder()).build()) {
      AwsResources.createOutboxTable(dynamo, outboxTable);
      QueueWithDlq queue =
          AwsResources.createQueueWithDlq(sqs, AwsResources.unique("insights"), 3, 30);
      AwsResources.routeToQueue(
          events, bus, "chat-events", "{\"source\":[\"salestalk.chat-handler\"]}", queue.arn());
      Outbox outbox =
          new Outbox(dynamo, outboxTable, EventValidator.strict(), metrics, Clock.systemUTC());
      List<EventEnvelope> written =
          IntStream.range(0, EVENTS)
              .mapToObj(i -> EventSamples.of("classification.performed.v1"))
              .toList();
      for (int from = 0; from < EVENTS; from += 20) {
        outbox.write(List.of(), written.subList(from, from + 20));
      }
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              new PublisherSettings(
                  bus, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40))),
              EventValidator.strict(),
              registry);
      OutboxRelay a = relay(dynamo, publisher, outboxTable, "relay-a", registry, metrics);
      OutboxRelay b = relay(dynamo, publisher, outboxTable, "relay-b", registry, metrics);

      a.start();
      b.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> dynamo.scan(r -> r.tableName(outboxTable).consistentRead(true)).count() == 0);
      a.stop();
      b.stop();

      List<String> sent = recorder.calls().stream().flatMap(List::stream).toList();
      assertThat(sent).hasSize(EVENTS).doesNotHaveDuplicates();
      List<Message> received = AwsResources.receive(sqs, queue.url(), EVENTS);
      JsonMapper json = JsonMapper.builder().build();
      assertThat(received)
          .extracting(m -> json.readTree(m.body()).path("detail").path("eventId").asString())
          .containsExactlyInAnyOrderElementsOf(
              written.stream().map(e -> e.eventId().toString()).toList());
    }
  }

  private static OutboxRelay relay(
      DynamoDbClient dynamo,
      EventBridgePublisher publisher,
      String table,
      String id,
      SimpleMeterRegistry registry,
      PublishMetrics metrics) {
    return new OutboxRelay(
        dynamo,
        publisher,
        new OutboxRelaySettings(
            table,
            id,
            Duration.ofMillis(20),
            5,
            Duration.ofSeconds(30),
            new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(200)),
            Duration.ofSeconds(5),
            1000),
        metrics,
        registry,
        Clock.systemUTC());
  }
}
