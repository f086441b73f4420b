package com.salestalk.eventaws.consume;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.ListenerMode;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.support.converter.SqsMessagingMessageConverter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;

/**
 * Consumes one SQS queue with a container from Spring Cloud AWS's {@link
 * SqsMessageListenerContainerFactory}, feeding each body to an {@link EventConsumer}. The factory's
 * options apply (in a Spring Boot app: {@code spring.cloud.aws.sqs.listener.*}, error handlers,
 * interceptors), except those the consumer's guarantees rest on, which this class sets:
 *
 * <ul>
 *   <li>{@code ON_SUCCESS} acknowledgement: a message is deleted only when it was processed,
 *       recognised as a duplicate, or dead-lettered; a handler failure leaves it for SQS to
 *       redeliver and, after the queue's maxReceiveCount, to move to the DLQ;
 *   <li>immediate acknowledgement (interval zero, threshold zero): each message is deleted on its
 *       own as soon as it is done, and the container counts it in flight until the delete returned.
 *       Spring Cloud AWS 4.1.0's batching acknowledgement fails a whole delete batch when a message
 *       is redelivered inside it (awspring/spring-cloud-aws#1634) and loses buffered
 *       acknowledgements at shutdown (fixed by #1663); neither can happen without a buffer;
 *   <li>one message per listener call, delivered as its raw body.
 * </ul>
 *
 * <p>A message that is not a valid event is sent to the queue's DLQ at once (found from its
 * RedrivePolicy, reason in the {@code salestalk-dlq-reason} attribute) and acknowledged, so the
 * messages behind it keep flowing. Also refreshes the {@code salestalk.queue.dlq.depth} gauge of
 * that DLQ.
 */
public final class SqsEventListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqsEventListener.class);

  private final SqsAsyncClient sqs;
  private final EventConsumer consumer;
  private final ConsumerProperties properties;
  private final MeterRegistry registry;
  private final SqsMessageListenerContainer<Object> container;
  private final Object lifecycle = new Object();
  private ScheduledExecutorService scheduler;
  private DeadLetterQueue dlq;
  private DlqDepthMonitor depthMonitor;

  /**
   * @param containers the factory of the listener container (polling, concurrency, shutdown)
   * @param sqs the SQS client, for the queue's DLQ
   * @param consumer handles each message body
   * @param properties the queue and the DLQ gauge's refresh interval
   * @param registry where the DLQ depth gauge goes
   */
  public SqsEventListener(
      SqsMessageListenerContainerFactory<Object> containers,
      SqsAsyncClient sqs,
      EventConsumer consumer,
      ConsumerProperties properties,
      MeterRegistry registry) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.registry = Objects.requireNonNull(registry, "registry");
    SqsMessagingMessageConverter converter = new SqsMessagingMessageConverter();
    converter.setPayloadTypeMapper(message -> null); // the raw body: bind by envelope, not header
    container = containers.createContainer(properties.queue());
    container.setId("salestalk-" + consumer.consumer());
    container.setMessageListener(this::onMessage);
    container.configure(
        options ->
            options
                .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                .acknowledgementInterval(Duration.ZERO)
                .acknowledgementThreshold(0)
                .listenerMode(ListenerMode.SINGLE_MESSAGE)
                .messageConverter(converter));
  }

  /**
   * Resolves the queue and its DLQ and starts polling.
   *
   * @throws IllegalStateException if the queue has no DLQ
   */
  public void start() {
    synchronized (lifecycle) {
      if (container.isRunning()) {
        return;
      }
      if (dlq == null) {
        dlq = DeadLetterQueue.of(sqs, queueUrl(properties.queue()));
        depthMonitor = new DlqDepthMonitor(sqs, dlq, registry);
      }
      container.start();
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "dlq-depth-" + dlq.name());
                t.setDaemon(true);
                return t;
              });
      scheduler.scheduleWithFixedDelay(
          depthMonitor::refresh,
          0,
          properties.dlqDepthInterval().toMillis(),
          TimeUnit.MILLISECONDS);
      LOG.info(
          "consumer {} listening on {} (DLQ {})",
          consumer.consumer(),
          dlq.sourceQueueUrl(),
          dlq.name());
    }
  }

  /**
   * Stops polling and waits for the messages in flight, their deletes included (up to the
   * container's listener shutdown timeout).
   */
  public void stop() {
    synchronized (lifecycle) {
      if (!container.isRunning()) {
        return;
      }
      container.stop();
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** Whether the listener is polling. */
  public boolean isRunning() {
    return container.isRunning();
  }

  /** Whether the listener starts with the application ({@code autoStartup} of the factory). */
  public boolean isAutoStartup() {
    return container.isAutoStartup();
  }

  @Override
  public void close() {
    stop();
  }

  /** The container, to check its options. */
  SqsMessageListenerContainer<Object> container() {
    return container;
  }

  /** Refreshes and returns the DLQ depth gauge; 0 before the first start. */
  long refreshDeadLetterDepth() {
    if (depthMonitor == null) {
      return 0;
    }
    depthMonitor.refresh();
    return depthMonitor.depth();
  }

  private void onMessage(Message<Object> message) {
    String body = body(message);
    ConsumeOutcome outcome = consumer.consume(body);
    if (outcome.status() == ConsumeOutcome.Status.INVALID) {
      dlq.send(sqs, body, consumer.consumer(), outcome.reason());
    }
  }

  private static String body(Message<Object> message) {
    Object source = message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER);
    if (source instanceof software.amazon.awssdk.services.sqs.model.Message sqsMessage) {
      return sqsMessage.body();
    }
    return String.valueOf(message.getPayload());
  }

  private String queueUrl(String nameOrUrl) {
    if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
      return nameOrUrl;
    }
    return sqs.getQueueUrl(GetQueueUrlRequest.builder().queueName(nameOrUrl).build())
        .join()
        .queueUrl();
  }
}
