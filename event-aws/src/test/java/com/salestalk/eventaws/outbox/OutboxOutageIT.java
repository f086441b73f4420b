package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * EventBridge is unreachable for a while: producers' transactions still commit, the entries wait in
 * the outbox (retried with backoff), a relay restart in between loses nothing, and once EventBridge
 * is back every entry arrives, each once.
 */
@AwsEmulatorTest
class OutboxOutageIT {

  private static final int EVENTS = 12;

  @Test
  void entriesWaitOutAnOutageAndARelayRestartThenAllArriveOnce(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "analytics", "tenant-events", "tenant-onboard", 1)) {
      String tenantsTable = fixture.createTenantsTable();
      EventBridgePublisher publisher = fixture.publisher();
      fixture.faults.unreachable(true);

      List<EventEnvelope> written =
          IntStream.range(0, EVENTS)
              .mapToObj(i -> EventSamples.of("tenant.provisioned.v1"))
              .toList();
      for (int i = 0; i < EVENTS; i++) {
        fixture.outbox.write(
            List.of(OutboxFixture.tenantPut(tenantsTable, "tenant-o" + i)),
            List.of(written.get(i)));
      }
      assertThat(fixture.dynamo.scan(b -> b.tableName(tenantsTable)).count()).isEqualTo(EVENTS);

      OutboxRelay first = relay(fixture, publisher, "relay-a");
      RelayRun run = first.runOnce();
      assertThat(run).isEqualTo(new RelayRun(EVENTS, 0, EVENTS, 0));
      // one HTTP request per PutEvents of 10: the relay owns the retries, not the SDK or publisher
      assertThat(fixture.faults.httpRequests()).isEqualTo(2);
      assertThat(fixture.leases()).isEmpty();
      List<Map<String, AttributeValue>> waiting = fixture.outboxItems();
      assertThat(waiting).hasSize(EVENTS);
      assertThat(waiting)
          .allSatisfy(
              item -> {
                assertThat(item.get("status").s()).isEqualTo("PENDING");
                assertThat(item.get("attempts").n()).isEqualTo("1");
                assertThat(item.get("lastError").s())
                    .startsWith("SdkClientException: Unable to execute HTTP request");
                assertThat(item).doesNotContainKeys("claimedBy", "claimUntil");
              });
      first.refreshBacklog();
      assertThat(first.backlog("tenant-onboard")).isEqualTo(EVENTS);
      assertThat(
              fixture
                  .registry
                  .get("salestalk.outbox.backlog")
                  .tag("source", "tenant-onboard")
                  .gauge()
                  .value())
          .isEqualTo(EVENTS);
      assertThat(first.oldestAgeSeconds("tenant-onboard")).isGreaterThan(0);

      OutboxRelayLifecycle firstRunning = OutboxFixture.scheduled(first);
      firstRunning.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> fixture.outboxItems().stream().allMatch(i -> attempts(i) >= 2));
      firstRunning.stop();
      assertThat(firstRunning.isRunning()).isFalse();
      assertThat(fixture.outboxItems()).hasSize(EVENTS);

      OutboxRelay second = relay(fixture, publisher, "relay-b");
      OutboxRelayLifecycle secondRunning = OutboxFixture.scheduled(second);
      secondRunning.start();
      fixture.faults.unreachable(false);
      await().atMost(Duration.ofSeconds(20)).until(() -> fixture.outboxItems().isEmpty());
      secondRunning.stop();

      fixture.assertArriveOnce(OutboxFixture.ids(written));
      second.refreshBacklog();
      assertThat(second.backlog("tenant-onboard")).isZero();
      assertThat(second.oldestAgeSeconds("tenant-onboard")).isZero();
      assertThat(fixture.registry.find("salestalk.publish.failed").counters()).isEmpty();
    }
  }

  @Test
  void aHangingEventBridgeCostsARunOneCallTimeoutWellInsideTheLease(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "analytics", "tenant-events", "tenant-onboard", 1)) {
      List<EventEnvelope> written = fixture.write("tenant.provisioned.v1", 2);
      OutboxRelay relay =
          fixture.relay(
              fixture.publisher(), RelaySettings.shortLease("relay-a", Duration.ofSeconds(6)));
      fixture.faults.hanging(true);

      long start = System.nanoTime();
      RelayRun run = relay.runOnce();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(run).isEqualTo(new RelayRun(2, 0, 2, 0));
      assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4)); // call timeout 2 s
      assertThat(fixture.outboxItems())
          .allSatisfy(
              item ->
                  assertThat(item.get("lastError").s())
                      .startsWith("ApiCallTimeoutException: Client execution did not complete"));
      assertThat(fixture.leases()).isEmpty();

      fixture.faults.hanging(false);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> relay.runOnce().published() == 2 && fixture.outboxItems().isEmpty());
      fixture.assertArriveOnce(OutboxFixture.ids(written));
    }
  }

  private static OutboxRelay relay(
      OutboxFixture fixture, EventBridgePublisher publisher, String id) {
    return fixture.relay(
        publisher,
        new OutboxProperties.Relay(
            true,
            id,
            Duration.ofMillis(50),
            100,
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            50,
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            1000));
  }

  private static int attempts(Map<String, AttributeValue> item) {
    return Integer.parseInt(item.get("attempts").n());
  }
}
