package com.salestalk.eventaws.consume;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.support.converter.SqsMessagingMessageConverter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Consumes one SQS queue with Spring Cloud AWS's {@link SqsMessageListenerContainer}, feeding each
 * body to an {@link EventConsumer}. Acknowledgement is {@code ON_SUCCESS}: a message is deleted
 * only when it was processed, recognised as a duplicate, or dead-lettered; a handler failure leaves
 * it for SQS to redeliver and, after the queue's maxReceiveCount, to move to the DLQ. A message
 * that is not a valid event is sent to the queue's DLQ at once (found from its RedrivePolicy,
 * reason in the {@code salestalk-dlq-reason} attribute) and acknowledged, so the messages behind it
 * keep flowing. Also refreshes the {@code salestalk.queue.dlq.depth} gauge of that DLQ.
 */
public final class SqsEventListener implements AutoCloseable {

  /** Message attribute with the reason a message was dead-lettered by the consumer. */
  public static final String DLQ_REASON_ATTRIBUTE = DeadLetterQueue.REASON_ATTRIBUTE;

  private static final Logger LOG = LoggerFactory.getLogger(SqsEventListener.class);

  private final SqsAsyncClient sqs;
  private final String queue;
  private final EventConsumer consumer;
  private final ListenerSettings settings;
  private final MeterRegistry registry;
  private final Object lifecycle = new Object();
  private SqsMessageListenerContainer<Object> container;
  private ScheduledExecutorService scheduler;
  private DeadLetterQueue dlq;
  private DlqDepthMonitor depthMonitor;

  /**
   * @param sqs the SQS client
   * @param queue the queue's name or URL
   * @param consumer handles each message body
   * @param settings polling, concurrency and gauge refresh
   * @param registry where the DLQ depth gauge goes
   */
  public SqsEventListener(
      SqsAsyncClient sqs,
      String queue,
      EventConsumer consumer,
      ListenerSettings settings,
      MeterRegistry registry) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Resolves the queue and its DLQ and starts polling.
   *
   * @throws IllegalStateException if the queue has no DLQ
   */
  public void start() {
    synchronized (lifecycle) {
      if (container != null) {
        return;
      }
      String queueUrl = queueUrl(queue);
      if (dlq == null) {
        dlq = DeadLetterQueue.of(sqs, queueUrl);
        depthMonitor = new DlqDepthMonitor(sqs, dlq, registry);
      }
      SqsMessagingMessageConverter converter = new SqsMessagingMessageConverter();
      converter.setPayloadTypeMapper(message -> null); // the raw body: bind by envelope, not header
      container =
          SqsMessageListenerContainer.builder()
              .id("salestalk-" + consumer.consumer())
              .sqsAsyncClient(sqs)
              .queueNames(queueUrl)
              .messageListener(this::onMessage)
              .configure(
                  options ->
                      options
                          .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                          .maxConcurrentMessages(settings.maxConcurrentMessages())
                          .maxMessagesPerPoll(settings.maxMessagesPerPoll())
                          .pollTimeout(settings.pollTimeout())
                          .listenerShutdownTimeout(settings.shutdownTimeout())
                          .messageConverter(converter))
              .build();
      container.start();
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "dlq-depth-" + dlq.name());
                t.setDaemon(true);
                return t;
              });
      scheduler.scheduleWithFixedDelay(
          depthMonitor::refresh, 0, settings.dlqDepthInterval().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("consumer {} listening on {} (DLQ {})", consumer.consumer(), queueUrl, dlq.name());
    }
  }

  /** Stops polling and waits for messages in flight (up to the shutdown timeout). */
  public void stop() {
    synchronized (lifecycle) {
      if (container == null) {
        return;
      }
      container.stop();
      container = null;
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  /** Whether the listener is polling. */
  public boolean isRunning() {
    synchronized (lifecycle) {
      return container != null && container.isRunning();
    }
  }

  /** The DLQ messages go to; known once started. */
  public String deadLetterQueueUrl() {
    return dlq == null ? null : dlq.url();
  }

  /** Refreshes and returns the DLQ depth gauge; 0 before the first start. */
  public long refreshDeadLetterDepth() {
    if (depthMonitor == null) {
      return 0;
    }
    depthMonitor.refresh();
    return depthMonitor.depth();
  }

  @Override
  public void close() {
    stop();
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
