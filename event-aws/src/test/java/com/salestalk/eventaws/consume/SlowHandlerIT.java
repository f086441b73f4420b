package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A handler that runs more than twice the queue's visibility timeout (2 s): the heartbeat keeps the
 * message invisible and the lease held, so SQS does not deliver it again meanwhile and the event is
 * handled once.
 */
@AwsEmulatorTest
class SlowHandlerIT {

  private static final String CONSUMER = "insights";
  private static final String TYPE = "metrics.ingested.v1";
  private static final int VISIBILITY_SECONDS = 2;

  @Test
  void aHandlerSlowerThanTheVisibilityTimeoutKeepsItsMessageAndRunsOnce(AwsEndpoint aws) {
    ConsumerFaults faults = new ConsumerFaults();
    try (ConsumerFixture fixture = new ConsumerFixture(aws, CONSUMER, VISIBILITY_SECONDS, faults)) {
      AtomicInteger handled = new AtomicInteger();
      AtomicLong handlerMillis = new AtomicLong();
      fixture.listen(
          CONSUMER,
          (event, payload, effects) -> {
            handled.incrementAndGet();
            long start = System.nanoTime();
            // busy for ~5 s: until five heartbeats (one per second) extended the message, or,
            // without them, until SQS delivered it again
            await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> faults.visibilityChanges() >= 5 || faults.receives().size() > 1);
            handlerMillis.set((System.nanoTime() - start) / 1_000_000);
            effects.add(fixture.effect(event));
          });
      EventEnvelope event = EventSamples.of(TYPE);

      String messageId = fixture.sendAsEventBridge(event);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> fixture.counter("salestalk.consume.processed", CONSUMER, TYPE) == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.inQueue(fixture.queue.url()) == 0);
      assertThat(faults.receives()).containsExactly(List.of(messageId));
      assertThat(handlerMillis.get()).isGreaterThan(2 * VISIBILITY_SECONDS * 1000L);
      assertThat(handled).hasValue(1);
      assertThat(fixture.effects(event)).isEqualTo(1);
      assertThat(fixture.counter("salestalk.consume.duplicate", CONSUMER, TYPE)).isZero();
      assertThat(fixture.counter("salestalk.consume.failed", CONSUMER, TYPE)).isZero();
    }
  }

  @Test
  void aLeaseLongerThanTheQueuesVisibilityTimeoutIsRefusedAtStart(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, CONSUMER, VISIBILITY_SECONDS)) {
      ConsumerProperties fitting = fixture.properties(CONSUMER);
      ConsumerProperties properties =
          new ConsumerProperties(
              CONSUMER,
              fitting.queue(),
              fitting.dedupeTable(),
              Duration.ofSeconds(VISIBILITY_SECONDS + 1),
              fitting.retention(),
              fitting.dlqDepthInterval());

      try (SqsEventListener listener =
          new SqsEventListener(
              ConsumerFixture.containers(fixture.sqsAsync, 1, Duration.ofSeconds(1)),
              fixture.sqsAsync,
              new EventConsumer(
                  properties,
                  EventHandlers.builder().on(MetricsIngested.class, (event, payload) -> {}).build(),
                  fixture.dynamo,
                  fixture.registry,
                  Clock.systemUTC()),
              properties,
              fixture.registry)) {

        assertThatThrownBy(listener::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessage(
                "salestalk.consumer.lease (PT3S) must not exceed the visibility timeout of "
                    + fixture.queue.url()
                    + " (PT2S): a crashed delivery's message would come back while its lease"
                    + " still blocks it");
        assertThat(listener.isRunning()).isFalse();
      }
    }
  }
}
