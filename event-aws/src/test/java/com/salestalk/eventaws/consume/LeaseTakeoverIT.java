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
      CountDownLatch aStalls = new CountDownLatch(1);
      CountDownLatch aResumes = new CountDownLatch(1);
      EventConsumer consumer =
          consumer(
              fixture,
              (event, payload, effects) -> {
                effects.add(fixture.effect(event));
                if (deliveries.incrementAndGet() == 1) {
                  aStalls.countDown();
                  aResumes.await(20, TimeUnit.SECONDS);
                }
              });

      CompletableFuture<ConsumeOutcome> a = consumeAsync(consumer);
      assertThat(aStalls.await(20, TimeUnit.SECONDS)).isTrue();
      clock.advance(PAST_THE_LEASE);
      ConsumeOutcome b = consumer.consume(eventBridgeBody(event));
      aResumes.countDown();

      Throwable aFailure = catchThrowable(a::join);

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
      CountDownLatch aStalls = new CountDownLatch(1);
      CountDownLatch aResumes = new CountDownLatch(1);
      CountDownLatch bRuns = new CountDownLatch(1);
      CountDownLatch bResumes = new CountDownLatch(1);
      EventConsumer consumer =
          consumer(
              fixture,
              (event, payload, effects) -> {
                effects.add(fixture.effect(event));
                switch (deliveries.incrementAndGet()) {
                  case 1 -> {
                    aStalls.countDown();
                    aResumes.await(20, TimeUnit.SECONDS);
                    throw new IllegalStateException("summary store timed out");
                  }
                  case 2 -> {
                    bRuns.countDown();
                    bResumes.await(20, TimeUnit.SECONDS);
                  }
                  default -> {}
                }
              });

      CompletableFuture<ConsumeOutcome> a = consumeAsync(consumer);
      assertThat(aStalls.await(20, TimeUnit.SECONDS)).isTrue();
      clock.advance(PAST_THE_LEASE);
      CompletableFuture<ConsumeOutcome> b = consumeAsync(consumer);
      assertThat(bRuns.await(20, TimeUnit.SECONDS)).isTrue();
      aResumes.countDown();
      assertThatThrownBy(a::join).hasCauseInstanceOf(EventHandlingException.class);

      assertThatThrownBy(() -> consumer.consume(eventBridgeBody(event)))
          .isInstanceOf(EventInProgressException.class);
      bResumes.countDown();
      assertThat(b.join().status()).isEqualTo(Status.PROCESSED);
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

  private EventConsumer consumer(
      ConsumerFixture fixture, TransactionalEventHandler<MetricsIngested> handler) {
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
}
