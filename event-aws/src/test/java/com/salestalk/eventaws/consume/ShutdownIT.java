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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stopping the listener loses no acknowledgement: every message handled before {@code stop()} is
 * deleted from the queue when it returns, so none comes back after the visibility timeout (the
 * container counts a message in flight until its own delete returned; see {@link
 * SqsEventListener}).
 */
@AwsEmulatorTest
class ShutdownIT {

  @Test
  void everyMessageHandledBeforeStopIsDeletedWhenStopReturns(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "aggregation")) {
      List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
      SqsEventListener listener =
          fixture.listen(
              "aggregation",
              EventHandlers.builder()
                  .on(MetricsIngested.class, (event, payload) -> handled.add(event))
                  .build());
      List<EventEnvelope> events =
          IntStream.range(0, 5).mapToObj(i -> EventSamples.of("metrics.ingested.v1")).toList();

      events.forEach(fixture::sendAsEventBridge);
      await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == events.size());
      listener.stop();

      assertThat(fixture.inQueue(fixture.queue.url())).isZero();
      assertThat(handled).containsExactlyInAnyOrderElementsOf(events);
      assertThat(fixture.inQueue(fixture.queue.dlqUrl())).isZero();
    }
  }
}
