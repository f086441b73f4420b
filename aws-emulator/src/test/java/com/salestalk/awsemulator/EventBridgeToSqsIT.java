package com.salestalk.awsemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge rule to SQS target through the emulator. With plain moto 5.2.1 this runs at a few
 * events per second; the launcher's jsonpath cache makes it fast.
 */
@AwsEmulatorTest
class EventBridgeToSqsIT {

  private static final int EVENTS = 50;

  /** Unique names, so reruns against a long-lived AWS_ENDPOINT_URL (not reset) do not collide. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String BUS = "salestalk-it-" + RUN;
  private static final String SOURCE = "salestalk.emulator-it";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Test
  void deliversAllFiftyEventsFromTheBusToTheQueue(AwsEndpoint endpoint) {
    try (EventBridgeClient events = endpoint.configure(EventBridgeClient.builder()).build();
        SqsClient sqs = endpoint.configure(SqsClient.builder()).build()) {
      String queueUrl = sqs.createQueue(b -> b.queueName("bus-target-" + RUN)).queueUrl();
      String queueArn =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      events.createEventBus(b -> b.name(BUS));
      events.putRule(
          b ->
              b.name("to-queue")
                  .eventBusName(BUS)
                  .eventPattern("{\"source\":[\"" + SOURCE + "\"]}"));
      events.putTargets(
          b -> b.rule("to-queue").eventBusName(BUS).targets(t -> t.id("queue").arn(queueArn)));
      List<PutEventsRequestEntry> entries =
          IntStream.range(0, EVENTS)
              .mapToObj(
                  i ->
                      PutEventsRequestEntry.builder()
                          .eventBusName(BUS)
                          .source(SOURCE)
                          .detailType("EmulatorProbe")
                          .detail("{\"run\":\"" + RUN + "\",\"seq\":" + i + "}")
                          .build())
              .toList();

      long start = System.nanoTime();
      for (int from = 0; from < EVENTS; from += 10) {
        List<PutEventsRequestEntry> batch = entries.subList(from, from + 10);
        PutEventsResponse response = events.putEvents(b -> b.entries(batch));
        assertThat(response.failedEntryCount()).isZero();
      }
      long published = System.nanoTime();
      List<JsonNode> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> drain(sqs, queueUrl, received) >= EVENTS);
      long delivered = System.nanoTime();

      assertThat(received)
          .extracting(body -> body.path("detail").path("seq").asInt())
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, EVENTS).boxed().toList());
      assertThat(received)
          .allSatisfy(
              body -> {
                assertThat(body.path("source").asString()).isEqualTo(SOURCE);
                assertThat(body.path("detail-type").asString()).isEqualTo("EmulatorProbe");
                assertThat(body.path("detail").path("run").asString()).isEqualTo(RUN);
              });
      System.out.printf(
          "EventBridge->SQS: %d events published in %d ms, all received after %d ms%n",
          EVENTS, (published - start) / 1_000_000, (delivered - start) / 1_000_000);
    }
  }

  private static int drain(SqsClient sqs, String queueUrl, List<JsonNode> received) {
    List<Message> messages =
        sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
            .messages();
    if (messages.isEmpty()) {
      return received.size();
    }
    for (Message message : messages) {
      received.add(JSON.readTree(message.body()));
    }
    sqs.deleteMessageBatch(
        b ->
            b.queueUrl(queueUrl)
                .entries(
                    messages.stream()
                        .map(
                            m ->
                                DeleteMessageBatchRequestEntry.builder()
                                    .id(m.messageId())
                                    .receiptHandle(m.receiptHandle())
                                    .build())
                        .toList()));
    return received.size();
  }
}
