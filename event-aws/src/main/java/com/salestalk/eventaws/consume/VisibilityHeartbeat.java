package com.salestalk.eventaws.consume;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The heartbeat of one SQS message: every {@code period} (half the lease, so at most half the
 * visibility timeout) it extends the event's lease and, while the lease is held, makes the message
 * invisible for another visibility timeout from now (ChangeMessageVisibility). A handler slower
 * than the visibility timeout is therefore not delivered a second time meanwhile. A lost lease
 * stops the beats (the completion will fail anyway). A call that fails (SQS or DynamoDB
 * unreachable) is logged and the next beat tries again: the slack between two beats and an expiry
 * is half the lease.
 */
final class VisibilityHeartbeat implements Heartbeat {

  private static final Logger LOG = LoggerFactory.getLogger(VisibilityHeartbeat.class);

  private final ScheduledExecutorService scheduler;
  private final SqsAsyncClient sqs;
  private final String queueUrl;
  private final String messageId;
  private final String receiptHandle;
  private final int visibilitySeconds;
  private final Duration period;

  /**
   * @param scheduler runs the beats
   * @param sqs the SQS client
   * @param queueUrl the queue of the message
   * @param messageId the message's id, for the logs
   * @param receiptHandle the message's receipt handle of this delivery
   * @param visibility the visibility timeout each beat sets
   * @param period the time between beats
   */
  VisibilityHeartbeat(
      ScheduledExecutorService scheduler,
      SqsAsyncClient sqs,
      String queueUrl,
      String messageId,
      String receiptHandle,
      Duration visibility,
      Duration period) {
    this.scheduler = scheduler;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.messageId = messageId;
    this.receiptHandle = receiptHandle;
    this.visibilitySeconds = Math.toIntExact(visibility.toSeconds());
    this.period = period;
  }

  @Override
  public Beats start(BooleanSupplier extendLease) {
    return new Running(extendLease);
  }

  private final class Running implements Beats {
    private final BooleanSupplier extendLease;
    private ScheduledFuture<?> schedule;
    private boolean stopped;

    Running(BooleanSupplier extendLease) {
      this.extendLease = extendLease;
      long millis = period.toMillis();
      synchronized (this) {
        schedule = scheduler.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
      }
    }

    private synchronized void beat() {
      if (stopped) {
        return;
      }
      try {
        if (!extendLease.getAsBoolean()) {
          LOG.warn("lease lost while handling message {}; heartbeat stopped", messageId);
          close();
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot extend the lease of message {}: {}", messageId, e.toString());
      }
      try {
        sqs.changeMessageVisibility(
                b ->
                    b.queueUrl(queueUrl)
                        .receiptHandle(receiptHandle)
                        .visibilityTimeout(visibilitySeconds))
            .join();
      } catch (RuntimeException e) {
        LOG.warn("cannot extend the visibility of message {}: {}", messageId, e.toString());
      }
    }

    @Override
    public synchronized void close() {
      stopped = true;
      schedule.cancel(false);
    }
  }
}
