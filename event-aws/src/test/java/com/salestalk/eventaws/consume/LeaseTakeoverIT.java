package com.salestalk.eventaws.consume;

import static com.salestalk.testsupport.TestEvents.eventBridgeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.consume.ConsumeOutcome.Status;
import com.salestalk.eventaws.consume.DedupeStore.Claim;
import com.salestalk.eventaws.consume.DedupeStore.Lease;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery that stalls past its lease (a pause no heartbeat could bridge) while another delivery
 * of the same event takes the lease over: whatever the stalled delivery does late, completing or
 * releasing, changes nothing, and the effect is applied exactly once. The consumers share the real
 * dedupe table; a manual clock expires the lease.
 */
@AwsEmulatorTest
class LeaseTakeoverIT {

  private static final Duration PAST_THE_LEASE = Duration.ofMillis(1001);
  private static final int NO_FAILURE = 0;

  private final EventEnvelope event = EventSamples.of("metrics.ingested.v1");
  private final ManualClock clock = new ManualClock(Instant.now());
  private final AtomicInteger deliveries = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aStalledDeliveryWhoseLeaseWasTakenOverCommitsNothingOfItsEffect(AwsEndpoint aws)
      throws Exception {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation")) {
      Pause a = new Pause();
      EventConsumer consumer = consumer(fixture, List.of(a), NO_FAILURE);

      CompletableFuture<ConsumeOutcome> aDelivery = consumeAsync(consumer);
      a.awaitReached();
      clock.advance(PAST_THE_LEASE);
      ConsumeOutcome b = consumer.consume(eventBridgeBody(event));
      a.release();
      Throwable aFailure = catchThrowable(aDelivery::join);

      assertThat(b.status()).isEqualTo(Status.PROCESSED);
      assertThat(fixture.effects(event)).isEqualTo(1);
      assertThat(aFailure).hasCauseInstanceOf(LeaseLostException.class);
      assertThat(fixture.dedupeRecord("aggregation", event).get("status").s()).isEqualTo("DONE");
      assertThat(consumer.consume(eventBridgeBody(event)).status()).isEqualTo(Status.DUPLICATE);
      assertThat(deliveries).hasValue(2);
      assertThat(fixture.effects(event)).isEqualTo(1);
    }
  }

  @Test
  void aStalledDeliveryThatFailsLateLeavesTheLeaseOfTheDeliveryThatTookOver(AwsEndpoint aws)
      throws Exception {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation")) {
      Pause a = new Pause();
      Pause b = new Pause();
      EventConsumer consumer = consumer(fixture, List.of(a, b), 1);

      CompletableFuture<ConsumeOutcome> aDelivery = consumeAsync(consumer);
      a.awaitReached();
      clock.advance(PAST_THE_LEASE);
      CompletableFuture<ConsumeOutcome> bDelivery = consumeAsync(consumer);
      b.awaitReached();
      a.release();
      assertThatThrownBy(aDelivery::join).hasCauseInstanceOf(EventHandlingException.class);

      assertThatThrownBy(() -> consumer.consume(eventBridgeBody(event)))
          .isInstanceOf(EventInProgressException.class);
      b.release();
      assertThat(bDelivery.join().status()).isEqualTo(Status.PROCESSED);
      assertThat(consumer.consume(eventBridgeBody(event)).status()).isEqualTo(Status.DUPLICATE);
      assertThat(deliveries).hasValue(2);
      assertThat(fixture.effects(event)).isEqualTo(1);
    }
  }

  @Test
  void aLeaseIsExtendedCompletedOrReleasedOnlyByItsOwner(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation")) {
      DedupeStore store =
          new DynamoDbDedupeStore(fixture.dynamo, fixture.properties("aggregation"), clock);
      Lease a = Lease.fresh("aggregation#" + event.eventId());
      Lease b = Lease.fresh(a.key());

      assertThat(store.claim(a)).isEqualTo(Claim.CLAIMED);
      clock.advance(Duration.ofMillis(600));
      assertThat(store.extend(a)).isTrue();
      clock.advance(Duration.ofMillis(600));
      assertThat(store.claim(b)).isEqualTo(Claim.BUSY);
      clock.advance(PAST_THE_LEASE);
      assertThat(store.claim(b)).isEqualTo(Claim.CLAIMED);

      assertThat(store.extend(a)).isFalse();
      store.release(a);
      assertThatThrownBy(() -> store.complete(a, List.of(fixture.effect(event))))
          .isInstanceOf(LeaseLostException.class);
      assertThatThrownBy(() -> store.complete(a, List.of())).isInstanceOf(LeaseLostException.class);
      assertThat(fixture.dedupeRecord("aggregation", event).get("owner").s()).isEqualTo(b.owner());
      store.complete(b, List.of(fixture.effect(event)));
      assertThat(fixture.effects(event)).isEqualTo(1);
    }
  }

  /**
   * A consumer whose handler, for the n-th delivery (from 1), adds the effect, holds at the n-th
   * pause if there is one, and then fails if n is {@code failingDelivery}.
   */
  private EventConsumer consumer(ConsumerFixture fixture, List<Pause> pauses, int failingDelivery) {
    TransactionalEventHandler<MetricsIngested> handler =
        (event, payload, effects) -> {
          effects.add(fixture.effect(event));
          int delivery = deliveries.incrementAndGet();
          if (delivery <= pauses.size()) {
            pauses.get(delivery - 1).hold();
          }
          if (delivery == failingDelivery) {
            throw new IllegalStateException("summary store timed out");
          }
        };
    return new EventConsumer(
        fixture.properties("aggregation"),
        EventHandlers.builder().onTransactional(MetricsIngested.class, handler).build(),
        fixture.dynamo,
        fixture.registry,
        clock);
  }

  private CompletableFuture<ConsumeOutcome> consumeAsync(EventConsumer consumer) {
    return CompletableFuture.supplyAsync(() -> consumer.consume(eventBridgeBody(event)), threads);
  }

  /** Where a delivery's handler stops until the test lets it go on. */
  private static final class Pause {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void hold() throws InterruptedException {
      reached.countDown();
      assertThat(released.await(20, TimeUnit.SECONDS)).isTrue();
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(20, TimeUnit.SECONDS)).isTrue();
    }

    void release() {
      released.countDown();
    }
  }
}
