package com.salestalk.eventaws.consume;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter queue of a source queue, found from the source's {@code RedrivePolicy}.
 *
 * @param sourceQueueUrl the queue the listener consumes
 * @param url the DLQ's URL
 * @param name the DLQ's name, the {@code queue} tag of {@code salestalk.queue.dlq.depth}
 */
record DeadLetterQueue(String sourceQueueUrl, String url, String name) {

  /** Message attribute carrying why a message was dead-lettered by the consumer. */
  static final String REASON_ATTRIBUTE = "salestalk-dlq-reason";

  /** Message attribute carrying the consumer that dead-lettered the message. */
  static final String CONSUMER_ATTRIBUTE = "salestalk-consumer";

  private static final int MAX_REASON_LENGTH = 1024;

  /**
   * Looks the DLQ up.
   *
   * @param policy the source queue's {@code RedrivePolicy} attribute ({@code null} if it has none)
   * @throws IllegalStateException if the queue has no RedrivePolicy (docs/ARCHITECTURE.md,
   *     reliability: every queue has a DLQ)
   */
  static DeadLetterQueue of(SqsAsyncClient sqs, String queueUrl, String policy) {
    if (policy == null || policy.isBlank()) {
      throw new IllegalStateException(
          "queue " + queueUrl + " has no RedrivePolicy; every SalesTalk queue needs a DLQ");
    }
    JsonNode node = JsonMapper.shared().readTree(policy);
    String arn = node.path("deadLetterTargetArn").asString("");
    String[] parts = arn.split(":");
    if (parts.length < 6) {
      throw new IllegalStateException(
          "queue " + queueUrl + " has a RedrivePolicy without a valid deadLetterTargetArn: " + arn);
    }
    String name = parts[5];
    String url =
        sqs.getQueueUrl(
                GetQueueUrlRequest.builder()
                    .queueName(name)
                    .queueOwnerAWSAccountId(parts[4])
                    .build())
            .join()
            .queueUrl();
    return new DeadLetterQueue(queueUrl, url, name);
  }

  /** Sends {@code body} to the DLQ with the reason and consumer as message attributes. */
  void send(SqsAsyncClient sqs, String body, String consumer, String reason) {
    String shortReason =
        reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    sqs.sendMessage(
            SendMessageRequest.builder()
                .queueUrl(url)
                .messageBody(body.isEmpty() ? "<empty body>" : body)
                .messageAttributes(
                    Map.of(
                        REASON_ATTRIBUTE, string(shortReason),
                        CONSUMER_ATTRIBUTE, string(consumer)))
                .build())
        .join();
  }

  private static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
