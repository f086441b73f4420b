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
}
