package com.salestalk.eventaws.consume;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.ListenerMode;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.support.converter.SqsMessagingMessageConverter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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
 * <p>While a handler runs, a heartbeat every half {@code salestalk.consumer.lease} extends the
 * event's lease and keeps the message invisible for another visibility timeout (ChangeMessage
 * Visibility), so a handler slower than the visibility timeout is not delivered twice meanwhile.
 * The visibility timeout is the queue's {@code VisibilityTimeout}, read at start (or the factory's
 * {@code messageVisibility} if it sets one); a lease longer than it is refused at start, since a
 * crashed delivery's message would then come back while its lease still blocks it.
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
  private volatile ScheduledThreadPoolExecutor scheduler;
  private volatile Duration visibility;
  private DeadLetterQueue dlq;
  private DlqDepthMonitor depthMonitor;

  /**
   * @param containers the factory of the listener container (polling, concurrency, shutdown)
   * @param sqs the SQS client: the queue's attributes, its DLQ, the heartbeats
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
   * Resolves the queue, its DLQ and its visibility timeout and starts polling.
   *
   * @throws IllegalStateException if the queue has no DLQ or its visibility timeout is shorter than
   *     the lease
   */
  public void start() {
    synchronized (lifecycle) {
      if (container.isRunning()) {
        return;
      }
      if (dlq == null) {
        String queueUrl = queueUrl(properties.queue());
        Map<QueueAttributeName, String> attributes =
            sqs.getQueueAttributes(
                    b ->
                        b.queueUrl(queueUrl)
                            .attributeNames(
                                QueueAttributeName.REDRIVE_POLICY,
                                QueueAttributeName.VISIBILITY_TIMEOUT))
                .join()
                .attributes();
        visibility = visibilityTimeout(queueUrl, attributes);
        dlq = DeadLetterQueue.of(sqs, queueUrl, attributes.get(QueueAttributeName.REDRIVE_POLICY));
        depthMonitor = new DlqDepthMonitor(sqs, dlq, registry);
      }
      // one thread per message handled at once, so a slow AWS call in one heartbeat delays no
      // other; plus one for the DLQ gauge
      scheduler =
          new ScheduledThreadPoolExecutor(
              container.getContainerOptions().getMaxConcurrentMessages() + 1,
              r -> {
                Thread t = new Thread(r, "consumer-" + consumer.consumer());
                t.setDaemon(true);
                return t;
              });
      scheduler.setRemoveOnCancelPolicy(true);
      container.start();
      scheduler.scheduleWithFixedDelay(
          depthMonitor::refresh,
          0,
          properties.dlqDepthInterval().toMillis(),
          TimeUnit.MILLISECONDS);
      LOG.info(
          "consumer {} listening on {} (DLQ {}, visibility timeout {}, lease {})",
          consumer.consumer(),
          dlq.sourceQueueUrl(),
          dlq.name(),
          visibility,
          properties.lease());
    }
  }

  /**
   * Stops polling and waits for the messages in flight, their heartbeats and deletes included (up
   * to the container's listener shutdown timeout).
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
    software.amazon.awssdk.services.sqs.model.Message source =
        message
            .getHeaders()
            .get(
                SqsHeaders.SQS_SOURCE_DATA_HEADER,
                software.amazon.awssdk.services.sqs.model.Message.class);
    if (source == null) {
      throw new IllegalStateException("the listener's message carries no SQS message");
    }
    Heartbeat heartbeat =
        new VisibilityHeartbeat(
            scheduler,
            sqs,
            dlq.sourceQueueUrl(),
            source.messageId(),
            source.receiptHandle(),
            visibility,
            properties.lease().dividedBy(2));
    ConsumeOutcome outcome = consumer.consume(source.body(), heartbeat);
    if (outcome.status() == ConsumeOutcome.Status.INVALID) {
      dlq.send(sqs, source.body(), consumer.consumer(), outcome.reason());
    }
  }

  /**
   * The visibility timeout of a received message: the factory's {@code messageVisibility} if set
   * (Spring Cloud AWS then asks for it on each ReceiveMessage), else the queue's.
   */
  private Duration visibilityTimeout(String queueUrl, Map<QueueAttributeName, String> attributes) {
    Duration timeout = container.getContainerOptions().getMessageVisibility();
    if (timeout == null) {
      timeout =
          Duration.ofSeconds(Long.parseLong(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)));
    }
    if (properties.lease().compareTo(timeout) > 0) {
      throw new IllegalStateException(
          ConsumerProperties.PREFIX
              + ".lease ("
              + properties.lease()
              + ") must not exceed the visibility timeout of "
              + queueUrl
              + " ("
              + timeout
              + "): a crashed delivery's message would come back while its lease still blocks it");
    }
    return timeout;
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
