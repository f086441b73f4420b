package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delivery that dies after its effect was committed and before its message was deleted: SQS
 * delivers the message again, the redelivery finds the event done, and the effect stays applied
 * once. The effect is committed with the done record in one transaction, so no moment exists where
 * one is written without the other.
 */
@AwsEmulatorTest
class CrashAfterEffectIT {

  private static final String CONSUMER = "aggregation";
  private static final String TYPE = "metrics.ingested.v1";

  private final ConsumerFaults faults = new ConsumerFaults();
  private final AtomicInteger handled = new AtomicInteger();
  private final EventEnvelope event = EventSamples.of(TYPE);

  @Test
  void aDeliveryThatDiesRightAfterCommittingItsEffectIsRedeliveredAsADuplicate(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, CONSUMER, 1, faults)) {
      faults.loseResponseOfNextWriteTo(fixture.effectsTable);

      handleOnceAsADuplicateAfterTheFault(fixture);

      // the first delivery could not know that its transaction committed
      assertThat(fixture.counter("salestalk.consume.failed", CONSUMER, TYPE)).isEqualTo(1);
      assertThat(fixture.counter("salestalk.consume.processed", CONSUMER, TYPE)).isZero();
      assertThat(fixture.dedupeRecord(CONSUMER, event).get("status").s()).isEqualTo("DONE");
    }
  }

  @Test
  void aMessageWhoseDeleteFailedIsRedeliveredAsADuplicate(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, CONSUMER, 1, faults)) {
      faults.failDeletes(1);

      handleOnceAsADuplicateAfterTheFault(fixture);

      assertThat(fixture.counter("salestalk.consume.processed", CONSUMER, TYPE)).isEqualTo(1);
    }
  }

  /** Sends the event and checks: one effect, one handler run, then one duplicate, no DLQ. */
  private void handleOnceAsADuplicateAfterTheFault(ConsumerFixture fixture) {
    fixture.listen(
        CONSUMER,
        (event, payload, effects) -> {
          handled.incrementAndGet();
          effects.add(fixture.effect(event));
        });

    fixture.sendAsEventBridge(event);

    // the message is acknowledged before the duplicate is counted: wait for both
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                fixture.inQueue(fixture.queue.url()) == 0
                    && fixture.counter("salestalk.consume.duplicate", CONSUMER, TYPE) == 1);
    assertThat(fixture.effects(event)).isEqualTo(1);
    assertThat(handled).hasValue(1);
    assertThat(fixture.counter("salestalk.consume.duplicate", CONSUMER, TYPE)).isEqualTo(1);
    assertThat(fixture.inQueue(fixture.queue.dlqUrl())).isZero();
  }
}
