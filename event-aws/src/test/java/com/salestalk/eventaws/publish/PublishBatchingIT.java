package com.salestalk.eventaws.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.support.EventBridgeFaults;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AwsEmulatorTest
class PublishBatchingIT {

  @Test
  void twentyFiveEventsGoOutInThreePutEventsRequestsAndAllArriveInTheRoutedQueue(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    EventBridgeFaults counter = new EventBridgeFaults(bus);
    try (EventBridgeClient events =
            aws.configure(EventBridgeClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build()) {
      QueueWithDlq queue =
          AwsResources.createQueueWithDlq(sqs, AwsResources.unique("analytics"), 3, 30);
      AwsResources.routeToQueue(
          events,
          bus,
          "tenant-events",
          "{\"source\":[\"salestalk.tenant-onboard\"],\"detail-type\":[\"tenant.provisioned.v1\"]}",
          queue.arn());
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              new PublisherProperties(true, bus, 3, Duration.ofMillis(10), Duration.ofMillis(50)),
              new PublishMetrics(new SimpleMeterRegistry(), EventCatalog.standard()));
      List<EventEnvelope> batch =
          IntStream.range(0, 25).mapToObj(i -> EventSamples.of("tenant.provisioned.v1")).toList();
      List<String> ids = batch.stream().map(e -> e.eventId().toString()).toList();

      PublishResult result = publisher.publish(batch);

      assertThat(result.published()).containsExactlyElementsOf(ids);
      assertThat(counter.httpRequests()).isEqualTo(3);
      assertThat(counter.calls()).extracting(List::size).containsExactly(10, 10, 5);
      List<Message> received = AwsResources.receive(sqs, queue.url(), 25);
      JsonMapper json = JsonMapper.builder().build();
      List<JsonNode> bodies = received.stream().map(m -> json.readTree(m.body())).toList();
      assertThat(bodies)
          .extracting(b -> b.path("detail").path("eventId").asString())
          .containsExactlyInAnyOrderElementsOf(ids);
      assertThat(bodies)
          .allSatisfy(
              b -> {
                assertThat(b.path("source").asString()).isEqualTo("salestalk.tenant-onboard");
                assertThat(b.path("detail-type").asString()).isEqualTo("tenant.provisioned.v1");
              });
    }
  }
}
