package com.salestalk.eventaws.consume;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import com.salestalk.testsupport.TestEvents;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A queue with DLQ, a dedupe table and a running listener, for the consumer ITs. */
final class ConsumerFixture implements AutoCloseable {

  static final int MAX_RECEIVE_COUNT = 3;

  final SqsClient sqs;
  final SqsAsyncClient sqsAsync;
  final DynamoDbClient dynamo;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final QueueWithDlq queue;
  final String dedupeTable;
  private SqsEventListener listener;

  ConsumerFixture(AwsEndpoint aws, String consumer) {
    sqs = aws.configure(SqsClient.builder()).build();
    sqsAsync = aws.configure(SqsAsyncClient.builder()).build();
    dynamo = aws.configure(DynamoDbClient.builder()).build();
    queue =
        AwsResources.createQueueWithDlq(sqs, AwsResources.unique(consumer), MAX_RECEIVE_COUNT, 1);
    dedupeTable = AwsResources.unique("local-idempotency");
    AwsResources.createIdempotencyTable(dynamo, dedupeTable);
  }

  /** Starts a listener for {@code consumer} with these handlers. */
  SqsEventListener listen(String consumer, EventHandlers handlers) {
    ConsumerProperties properties =
        new ConsumerProperties(
            consumer,
            queue.url(),
            dedupeTable,
            Duration.ofSeconds(1),
            Duration.ofDays(1),
            Duration.ofMillis(200));
    listener =
        new SqsEventListener(
            containers(sqsAsync, 4, Duration.ofSeconds(5)),
            sqsAsync,
            new EventConsumer(properties, handlers, dynamo, registry, Clock.systemUTC()),
            properties,
            registry);
    listener.start();
    return listener;
  }

  /** A container factory as a non-Spring application builds it: 1 s long polling. */
  static SqsMessageListenerContainerFactory<Object> containers(
      SqsAsyncClient sqs, int concurrency, Duration shutdownTimeout) {
    return SqsMessageListenerContainerFactory.builder()
        .sqsAsyncClient(sqs)
        .configure(
            options ->
                options
                    .maxConcurrentMessages(concurrency)
                    .maxMessagesPerPoll(concurrency)
                    .pollTimeout(Duration.ofSeconds(1))
                    .listenerShutdownTimeout(shutdownTimeout))
        .build();
  }

  /** Sends what an EventBridge rule would deliver for {@code event}. */
  void sendAsEventBridge(EventEnvelope event) {
    send(TestEvents.eventBridgeBody(event));
  }

  void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody(body));
  }

  /** Visible plus in-flight messages of the queue. */
  int inQueue(String url) {
    var attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** The dedupe record of {@code consumer} and {@code event}, read consistently. */
  Map<String, AttributeValue> dedupeRecord(String consumer, EventEnvelope event) {
    return dynamo
        .getItem(
            b ->
                b.tableName(dedupeTable)
                    .key(Map.of("key", AttributeValue.fromS(consumer + "#" + event.eventId())))
                    .consistentRead(true))
        .item();
  }

  double counter(String name, String consumer, String eventType) {
    var counter =
        registry.find(name).tag("consumer", consumer).tag("eventType", eventType).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.stop();
    }
    sqsAsync.close();
    sqs.close();
    dynamo.close();
  }
}
