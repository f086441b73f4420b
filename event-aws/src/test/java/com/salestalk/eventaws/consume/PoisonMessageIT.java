package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** A body that is not even JSON goes to the DLQ at once; the message behind it is processed. */
@AwsEmulatorTest
class PoisonMessageIT {

  @Test
  void aGarbageBodyGoesToTheDlqWhileTheNextGoodMessageIsProcessed(AwsEndpoint aws) {
    try (ConsumerFixture fixture = new ConsumerFixture(aws, "insights")) {
      List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
      SqsEventListener listener =
          fixture.listen(
              "insights",
              EventHandlers.builder()
                  .on(ClassificationPerformed.class, (event, payload) -> handled.add(event))
                  .build());
      EventEnvelope good = EventSamples.of("classification.performed.v1");

      fixture.send("\u0000garbage{{{");
      fixture.sendAsEventBridge(good);

      await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 1);
      assertThat(handled).containsExactly(good);
      List<Message> dead = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> AwsResources.drainOnce(fixture.sqs, fixture.queue.dlqUrl(), dead) == 1);
      Message poison = dead.get(0);
      assertThat(poison.body()).isEqualTo("\u0000garbage{{{");
      assertThat(poison.messageAttributes().get("salestalk-dlq-reason").stringValue())
          .startsWith("not valid JSON: Illegal character ((CTRL-CHAR, code 0))");
      assertThat(poison.messageAttributes().get("salestalk-consumer").stringValue())
          .isEqualTo("insights");
      assertThat(fixture.counter("salestalk.consume.invalid", "insights", "unknown")).isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.inQueue(fixture.queue.url()) == 0);
      assertThat(listener.refreshDeadLetterDepth()).isZero();
    }
  }
}
