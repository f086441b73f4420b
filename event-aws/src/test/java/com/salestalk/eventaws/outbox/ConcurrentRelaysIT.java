package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one outbox table share its shards: while one holds a shard, the other publishes the
 * rest and none of that shard's entries, and every entry arrives once.
 *
 * <p>The emulator does not make concurrent conditional writes atomic, so the relays are not left to
 * race freely: relay A is stopped inside its publish call (its lease taken, its entries read), and
 * relay B runs to the end meanwhile. What DynamoDB guarantees for concurrent lease writes is in
 * docs/event-aws.md.
 */
@AwsEmulatorTest
class ConcurrentRelaysIT {

  private static final int EVENTS = 40;

  @Test
  void aRelayPublishesEveryShardButTheOneAnotherRelayHolds(AwsEndpoint aws) throws Exception {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "insights", "chat-events", "chat-handler")) {
      List<EventEnvelope> written = new ArrayList<>();
      for (int i = 0; i < EVENTS / 20; i++) {
        written.addAll(fixture.write("classification.performed.v1", 20));
      }
      EventBridgePublisher publisher = fixture.publisher();
      HeldPublisher held = new HeldPublisher(publisher);
      OutboxRelay a = fixture.relay(held, RelaySettings.quick("relay-a", EVENTS, 5));
      OutboxRelay b = fixture.relay(publisher, RelaySettings.quick("relay-b", 5, 5));

      CompletableFuture<RelayRun> runOfA = CompletableFuture.supplyAsync(a::runOnce);
      assertThat(held.entered.await(10, TimeUnit.SECONDS)).as("relay A publishing").isTrue();
      List<String> heldByA = held.events.stream().map(PreparedEvent::eventId).toList();
      int publishedByB = 0;
      RelayRun runOfB;
      do {
        runOfB = b.runOnce();
        publishedByB += runOfB.published();
      } while (runOfB.claimed() > 0);

      assertThat(heldByA).isNotEmpty();
      assertThat(publishedByB).isEqualTo(EVENTS - heldByA.size());
      assertThat(fixture.outboxItems())
          .extracting(item -> item.get("id").s())
          .containsExactlyInAnyOrderElementsOf(heldByA);
      held.release.countDown();
      assertThat(runOfA.get(10, TimeUnit.SECONDS).published()).isEqualTo(heldByA.size());
      assertThat(fixture.outboxItems()).isEmpty();
      List<String> sent = fixture.faults.calls().stream().flatMap(List::stream).toList();
      assertThat(sent).hasSize(EVENTS).doesNotHaveDuplicates();
      fixture.assertArriveOnce(OutboxFixture.ids(written));
    }
  }

  /** The real publisher, entered and then held until released (the first call only). */
  private static final class HeldPublisher implements EventPublisher {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile List<PreparedEvent> events = List.of();
    private final EventPublisher delegate;

    HeldPublisher(EventPublisher delegate) {
      this.delegate = delegate;
    }

    @Override
    public PublishResult publish(List<EventEnvelope> events) {
      return delegate.publish(events);
    }

    @Override
    public PublishResult publishPrepared(
        List<PreparedEvent> events, Duration callTimeout, Instant deadline) {
      this.events = List.copyOf(events);
      entered.countDown();
      try {
        if (!release.await(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("relay A was not released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return delegate.publishPrepared(events, callTimeout, deadline);
    }
  }
}
