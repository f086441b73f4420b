package com.salestalk.eventaws.consume;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import com.salestalk.testsupport.TestEvents;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue with DLQ, a dedupe table, a table for the handlers' effects and a running listener, for
 * the consumer ITs. The lease equals the queue's visibility timeout (1 s unless given).
 */
final class ConsumerFixture implements AutoCloseable {

  /**
   * As the template's queues: enough receives for a duplicate to wait out a slow first delivery.
   */
  static final int MAX_RECEIVE_COUNT = 5;

  final SqsClient sqs;
  final SqsAsyncClient sqsAsync;
  final DynamoDbClient dynamo;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final QueueWithDlq queue;
  final String dedupeTable;
  final String effectsTable;
  private final Duration visibility;
  private SqsEventListener listener;

  ConsumerFixture(AwsEndpoint aws, String consumer) {
    this(aws, consumer, 1);
  }

  /**
   * @param visibilitySeconds the queue's visibility timeout, also the lease
   * @param interceptors added to the consumer's SQS and DynamoDB clients
   */
  ConsumerFixture(
      AwsEndpoint aws,
      String consumer,
      int visibilitySeconds,
      ExecutionInterceptor... interceptors) {
    sqs = aws.configure(SqsClient.builder()).build();
    sqsAsync =
        aws.configure(SqsAsyncClient.builder())
            .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
            .build();
    dynamo =
        aws.configure(DynamoDbClient.builder())
            .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
            .build();
    visibility = Duration.ofSeconds(visibilitySeconds);
    queue =
        AwsResources.createQueueWithDlq(
            sqs, AwsResources.unique(consumer), MAX_RECEIVE_COUNT, visibilitySeconds);
    dedupeTable = AwsResources.unique("local-idempotency");
    AwsResources.createIdempotencyTable(dynamo, dedupeTable);
    effectsTable = AwsResources.unique("local-effects");
    AwsResources.createTable(dynamo, effectsTable, "id");
  }

  /** Starts a listener for {@code consumer} with these handlers. */
  SqsEventListener listen(String consumer, EventHandlers handlers) {
    ConsumerProperties properties = properties(consumer);
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

  /** Starts a listener for {@code consumer} whose one handler commits its effects. */
  SqsEventListener listen(String consumer, TransactionalEventHandler<MetricsIngested> handler) {
    return listen(
        consumer, EventHandlers.builder().onTransactional(MetricsIngested.class, handler).build());
  }

  /** The consumer's settings: the fixture's tables and queue, lease = visibility timeout. */
  ConsumerProperties properties(String consumer) {
    return new ConsumerProperties(
        consumer, queue.url(), dedupeTable, visibility, Duration.ofDays(1), Duration.ofMillis(200));
  }

  /** The effect the ITs count: adds 1 to the {@code count} of the event's item. */
  TransactWriteItem effect(EventEnvelope event) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(effectsTable)
                    .key(Map.of("id", AttributeValue.fromS(event.eventId().toString())))
                    .updateExpression("ADD #count :one")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
        .build();
  }

  /** How often {@link #effect} of the event was applied. */
  int effects(EventEnvelope event) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(effectsTable)
                        .key(Map.of("id", AttributeValue.fromS(event.eventId().toString())))
                        .consistentRead(true))
            .item();
    return item.isEmpty() ? 0 : Integer.parseInt(item.get("count").n());
  }

  /**
   * A container factory as a non-Spring application builds it: 1 s long polling, and at most 1 s
   * waiting for a full poll's worth of free capacity (while a slow handler holds one).
   */
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
                    .maxDelayBetweenPolls(Duration.ofSeconds(1))
                    .listenerShutdownTimeout(shutdownTimeout))
        .build();
  }

  /** Sends what an EventBridge rule would deliver for {@code event}; returns the message id. */
  String sendAsEventBridge(EventEnvelope event) {
    return send(TestEvents.eventBridgeBody(event));
  }

  String send(String body) {
    return sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody(body)).messageId();
  }

  /** Sends {@code event} as two messages in one request; returns their message ids. */
  List<String> sendTwiceAsEventBridge(EventEnvelope event) {
    String body = TestEvents.eventBridgeBody(event);
    return sqs
        .sendMessageBatch(
            b ->
                b.queueUrl(queue.url())
                    .entries(
                        e -> e.id("first").messageBody(body),
                        e -> e.id("second").messageBody(body)))
        .successful()
        .stream()
        .map(entry -> entry.messageId())
        .toList();
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
