package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** A handler that keeps failing: SQS redelivers, then the message lands in the DLQ. */
@AwsEmulatorTest
class HandlerFailureIT {

  @Test
  void aFailingEventIsRedeliveredThenDeadLetteredAfterMaxReceiveCount(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "validation")) {
      AtomicInteger attempts = new AtomicInteger();
      SqsEventListener listener =
          fixture.listen(
              "validation",
              EventHandlers.builder()
                  .on(
                      MetricsIngested.class,
                      (e, payload) -> {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("report store unavailable");
                      })
                  .build());
      EventEnvelope event = EventSamples.of("metrics.ingested.v1");

      fixture.sendAsEventBridge(event);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  fixture
                          .registry
                          .get("salestalk.queue.dlq.depth")
                          .tag("queue", fixture.queue.dlqName())
                          .gauge()
                          .value()
                      == 1);
      List<Message> dead = new ArrayList<>();
      assertThat(AwsResources.drainOnce(fixture.sqs, fixture.queue.dlqUrl(), dead)).isEqualTo(1);
      assertThat(attempts).hasValue(ConsumerFixture.MAX_RECEIVE_COUNT);
      assertThat(fixture.counter("salestalk.consume.failed", "validation", "metrics.ingested.v1"))
          .isEqualTo(ConsumerFixture.MAX_RECEIVE_COUNT);
      assertThat(
              fixture.counter("salestalk.consume.processed", "validation", "metrics.ingested.v1"))
          .isZero();
      assertThat(dead.get(0).body()).contains(event.eventId().toString());
      assertThat(fixture.inQueue(fixture.queue.url())).isZero();
      Map<String, AttributeValue> record = fixture.dedupeRecord("validation", event);
      assertThat(record).isEmpty();
      assertThat(listener.isRunning()).isTrue();
    }
  }
}
