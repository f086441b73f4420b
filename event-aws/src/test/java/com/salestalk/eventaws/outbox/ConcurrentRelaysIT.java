package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one outbox table share its shards: while their leases hold, no entry is sent by
 * both, and every entry arrives.
 */
@AwsEmulatorTest
class ConcurrentRelaysIT {

  private static final int EVENTS = 40;

  @Test
  void twoRelaysShareTheShardsAndSendEachEntryOnce(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "insights", "chat-events", "chat-handler")) {
      List<EventEnvelope> written = new ArrayList<>();
      for (int i = 0; i < EVENTS / 20; i++) {
        written.addAll(fixture.write("classification.performed.v1", 20));
      }
      EventBridgePublisher publisher = fixture.publisher();
      OutboxRelayLifecycle a = OutboxFixture.scheduled(relay(fixture, publisher, "relay-a"));
      OutboxRelayLifecycle b = OutboxFixture.scheduled(relay(fixture, publisher, "relay-b"));

      a.start();
      b.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> fixture.outboxItems().isEmpty());
      a.stop();
      b.stop();

      List<String> sent = fixture.faults.calls().stream().flatMap(List::stream).toList();
      assertThat(sent).hasSize(EVENTS).doesNotHaveDuplicates();
      fixture.assertArriveOnce(OutboxFixture.ids(written));
    }
  }

  private static OutboxRelay relay(
      OutboxFixture fixture, EventBridgePublisher publisher, String id) {
    return fixture.relay(publisher, RelaySettings.quick(id, 5, 5));
  }
}
