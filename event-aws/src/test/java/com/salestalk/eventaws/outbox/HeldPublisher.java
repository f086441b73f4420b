package com.salestalk.eventaws.outbox;

import static org.awaitility.Awaitility.await;

import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes the relay's first publication to another publisher and holds the relay's thread, before or
 * after it, until {@link #release()}: a relay that stalls there (a long GC pause, a frozen VM), or
 * that is killed there if it is never released.
 */
final class HeldPublisher implements EventPublisher {

  private final EventPublisher delegate;
  private final boolean beforeSending;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  private HeldPublisher(EventPublisher delegate, boolean beforeSending) {
    this.delegate = delegate;
    this.beforeSending = beforeSending;
  }

  /** Holds the relay after it has read its entries, before anything is sent. */
  static HeldPublisher beforeSending(EventPublisher delegate) {
    return new HeldPublisher(delegate, true);
  }

  /** Holds the relay after EventBridge accepted its entries, before it deletes them. */
  static HeldPublisher afterSending(EventPublisher delegate) {
    return new HeldPublisher(delegate, false);
  }

  @Override
  public PublishResult publish(List<EventEnvelope> events) {
    return delegate.publish(events);
  }

  @Override
  public PublishResult publishPrepared(
      List<PreparedEvent> events, Duration callTimeout, Instant deadline) {
    boolean first = held.getCount() > 0;
    if (first && beforeSending) {
      hold();
    }
    PublishResult result = delegate.publishPrepared(events, callTimeout, deadline);
    if (first && !beforeSending) {
      hold();
    }
    return result;
  }

  /** Waits until a relay is held here. */
  void awaitHeld() {
    await().atMost(Duration.ofSeconds(20)).until(() -> held.getCount() == 0);
  }

  /** Lets the held relay go on. */
  void release() {
    released.countDown();
  }

  private void hold() {
    held.countDown();
    try {
      if (!released.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the held relay was stopped", e);
    }
  }
}
