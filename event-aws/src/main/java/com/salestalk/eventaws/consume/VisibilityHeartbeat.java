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
 * The heartbeat of one SQS message (its queue, its id for the logs, the receipt handle of this
 * delivery), run on {@code scheduler}: every {@code period} (half the lease, so at most half the
 * visibility timeout) it extends the event's lease and, while the lease is held, makes the message
 * invisible for another visibility timeout from now (ChangeMessageVisibility). A handler slower
 * than the visibility timeout is therefore not delivered a second time meanwhile. A lost lease
 * stops the beats (the completion will fail anyway). A call that fails (SQS or DynamoDB
 * unreachable) is logged and the next beat tries again: the slack between two beats and an expiry
 * is half the lease.
 */
record VisibilityHeartbeat(
    ScheduledExecutorService scheduler,
    SqsAsyncClient sqs,
    String queueUrl,
    String messageId,
    String receiptHandle,
    Duration visibility,
    Duration period)
    implements Heartbeat {

  private static final Logger LOG = LoggerFactory.getLogger(VisibilityHeartbeat.class);

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
                        .visibilityTimeout(Math.toIntExact(visibility.toSeconds())))
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
