package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.consume.ConsumeOutcome;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.testsupport.AwsResources;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A relay is killed after EventBridge accepted its entries and before it deleted them: when its
 * lease ends, the next relay publishes the same events again (publication is at least once), and a
 * consumer with its dedupe table applies each event once.
 */
@AwsEmulatorTest
class RelayKilledIT {

  private static final int EVENTS = 3;

  @Test
  void eventsPublishedButNotDeletedArePublishedAgainAndAConsumerAppliesEachOnce(AwsEndpoint aws) {
    ExecutorService relayThread = Executors.newSingleThreadExecutor();
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "analytics", "tenant-events", "tenant-onboard", 1)) {
      List<EventEnvelope> written = fixture.write("tenant.provisioned.v1", EVENTS);
      HeldPublisher killed = HeldPublisher.afterSending(fixture.publisher());
      OutboxRelay first =
          fixture.relay(killed, RelaySettings.shortLease("relay-a", Duration.ofSeconds(3)));

      relayThread.submit(first::runOnce);
      killed.awaitHeld(); // never released: the relay is dead from here on

      assertThat(fixture.faults.calls()).hasSize(1);
      assertThat(fixture.outboxItems()).hasSize(EVENTS);
      OutboxRelay next = fixture.relay(fixture.publisher(), RelaySettings.quick("relay-b", 10, 5));
      assertThat(next.runOnce()).as("the dead relay's lease still holds").isEqualTo(nothing());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> next.runOnce().equals(new RelayRun(EVENTS, EVENTS, 0, 0)));
      assertThat(fixture.outboxItems()).isEmpty();

      List<Message> received =
          AwsResources.receiveExactly(fixture.sqs, fixture.queue.url(), 2 * EVENTS);
      List<String> ids = OutboxFixture.ids(written);
      assertThat(received)
          .extracting(AwsResources::detailEventId)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 2).boxed().flatMap(i -> ids.stream()).toList());

      Map<String, Integer> applied = new ConcurrentHashMap<>();
      EventConsumer consumer = consumer(fixture, applied);
      List<ConsumeOutcome.Status> outcomes =
          received.stream().map(m -> consumer.consume(m.body()).status()).toList();
      assertThat(outcomes)
          .containsExactlyInAnyOrder(
              ConsumeOutcome.Status.PROCESSED,
              ConsumeOutcome.Status.PROCESSED,
              ConsumeOutcome.Status.PROCESSED,
              ConsumeOutcome.Status.DUPLICATE,
              ConsumeOutcome.Status.DUPLICATE,
              ConsumeOutcome.Status.DUPLICATE);
      assertThat(applied)
          .containsOnlyKeys(ids)
          .allSatisfy((id, times) -> assertThat(times).isOne());
    } finally {
      relayThread.shutdownNow();
    }
  }

  private static RelayRun nothing() {
    return new RelayRun(0, 0, 0, 0);
  }

  /** The analytics consumer: its handler counts the tenants it applied, by eventId. */
  private static EventConsumer consumer(OutboxFixture fixture, Map<String, Integer> applied) {
    String dedupeTable = AwsResources.unique("local-idempotency");
    AwsResources.createIdempotencyTable(fixture.dynamo, dedupeTable);
    return new EventConsumer(
        new ConsumerProperties(
            "analytics",
            fixture.queue.url(),
            dedupeTable,
            Duration.ofSeconds(30),
            Duration.ofDays(7),
            Duration.ofMinutes(1)),
        EventHandlers.builder()
            .on(
                TenantProvisioned.class,
                (event, tenant) -> applied.merge(event.eventId().toString(), 1, Integer::sum))
            .build(),
        fixture.dynamo,
        fixture.registry,
        Clock.systemUTC());
  }
}
