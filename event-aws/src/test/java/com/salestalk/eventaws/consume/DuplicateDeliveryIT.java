package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SQS delivers at least once; the same event delivered twice has one effect. */
@AwsEmulatorTest
class DuplicateDeliveryIT {

  @Test
  void theSameEventDeliveredTwiceIsHandledOnce(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation")) {
      List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
      fixture.listen(
          "aggregation",
          EventHandlers.builder()
              .on(MetricsIngested.class, (event, payload) -> handled.add(event))
              .build());
      EventEnvelope event = EventSamples.of("metrics.ingested.v1");

      fixture.sendAsEventBridge(event);
      fixture.sendAsEventBridge(event);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  fixture.counter(
                          "salestalk.consume.duplicate", "aggregation", "metrics.ingested.v1")
                      == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.inQueue(fixture.queue.url()) == 0);
      assertThat(handled).containsExactly(event);
      assertThat(
              fixture.counter("salestalk.consume.processed", "aggregation", "metrics.ingested.v1"))
          .isEqualTo(1);
      assertThat(fixture.inQueue(fixture.queue.dlqUrl())).isZero();
      Map<String, AttributeValue> record = fixture.dedupeRecord("aggregation", event);
      assertThat(record.keySet()).containsExactlyInAnyOrder("key", "status", "expiresAtEpoch");
      assertThat(record.get("status").s()).isEqualTo("DONE");
      assertThat(Long.parseLong(record.get("expiresAtEpoch").n()))
          .isBetween(
              System.currentTimeMillis() / 1000 + 86_000,
              System.currentTimeMillis() / 1000 + 86_400);
    }
  }

  /**
   * Two messages of one event in one receive batch, handled at once: the first to claim holds the
   * lease for longer than the visibility timeout (1 s), until the other message has found the lease
   * held twice (received, then delivered again); the other is then a duplicate.
   */
  @Test
  void theSameEventTwiceInOneReceiveBatchHasOneEffect(AwsEndpoint aws) {
    ConsumerFaults faults = new ConsumerFaults();
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation", 1, faults)) {
      EventEnvelope event = EventSamples.of("metrics.ingested.v1");
      List<String> messageIds = fixture.sendTwiceAsEventBridge(event);
      AtomicInteger handled = new AtomicInteger();

      fixture.listen(
          "aggregation",
          (e, payload, effects) -> {
            handled.incrementAndGet();
            await().atMost(Duration.ofSeconds(20)).until(() -> faults.heldLeasesFound() >= 2);
            effects.add(fixture.effect(e));
          });

      // the message is acknowledged before the duplicate is counted: wait for both
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  fixture.inQueue(fixture.queue.url()) == 0
                      && fixture.counter(
                              "salestalk.consume.duplicate", "aggregation", "metrics.ingested.v1")
                          == 1);
      assertThat(
              fixture.counter("salestalk.consume.duplicate", "aggregation", "metrics.ingested.v1"))
          .isEqualTo(1);
      assertThat(faults.receives().get(0)).containsExactlyInAnyOrderElementsOf(messageIds);
      assertThat(handled).hasValue(1);
      assertThat(fixture.effects(event)).isEqualTo(1);
      assertThat(
              fixture.counter("salestalk.consume.processed", "aggregation", "metrics.ingested.v1"))
          .isEqualTo(1);
      assertThat(fixture.inQueue(fixture.queue.dlqUrl())).isZero();
    }
  }
}
