package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.support.EventBridgeFaults;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * EventBridge fails chosen entries of a real PutEvents (retryable and not) and then recovers: the
 * relay sends only the failed retryable entries again, in its next runs, every other event arrives
 * once, and the non-retryable one is parked in the outbox and counted.
 */
@AwsEmulatorTest
class PartialFailureIT {

  @Test
  void resendsOnlyFailedRetryableEntriesAndParksTheNonRetryableOne(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "aggregation", "tenant-events", "tenant-onboard", 1)) {
      String tenantsTable = fixture.createTenantsTable();
      List<EventEnvelope> batch =
          IntStream.range(0, 10).mapToObj(i -> EventSamples.of("tenant.provisioned.v1")).toList();
      List<String> ids = batch.stream().map(e -> e.eventId().toString()).toList();
      for (int i = 0; i < batch.size(); i++) {
        fixture.outbox.write(
            List.of(OutboxFixture.tenantPut(tenantsTable, "tenant-t" + i)), List.of(batch.get(i)));
      }
      EventBridgeFaults faults = fixture.faults;
      faults.fail(ids.get(1), "ThrottlingException");
      faults.fail(ids.get(3), "InternalFailure", "InternalFailure");
      faults.fail(ids.get(6), "MalformedDetail");
      OutboxRelay relay = fixture.relay(fixture.publisher(), withoutBackoff());

      assertThat(relay.runOnce()).isEqualTo(new RelayRun(10, 7, 2, 1));
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(2, 1, 1, 0));
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(1, 1, 0, 0));

      List<List<String>> calls = faults.calls();
      assertThat(calls).hasSize(3);
      assertThat(calls.get(0)).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(calls.get(1)).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
      assertThat(calls.get(2)).containsExactly(ids.get(3));

      List<String> expected = new ArrayList<>(ids);
      expected.remove(ids.get(6));
      fixture.assertArriveOnce(expected);

      List<Map<String, AttributeValue>> left = fixture.outboxItems();
      assertThat(left).hasSize(1);
      Map<String, AttributeValue> parked = left.get(0);
      assertThat(parked.get("id").s()).isEqualTo(ids.get(6));
      assertThat(parked.get("status").s()).isEqualTo("FAILED");
      assertThat(parked.get("statusShard").s()).isEqualTo("FAILED#0");
      assertThat(parked.get("attempts").n()).isEqualTo("1");
      assertThat(parked.get("lastError").s())
          .isEqualTo("MalformedDetail: injected MalformedDetail");
      assertThat(
              fixture
                  .registry
                  .get("salestalk.publish.failed")
                  .tag("eventType", "tenant.provisioned.v1")
                  .tag("source", "tenant-onboard")
                  .counter()
                  .count())
          .isEqualTo(1);
      assertThat(
              fixture
                  .registry
                  .get("salestalk.publish.published")
                  .tag("eventType", "tenant.provisioned.v1")
                  .tag("source", "tenant-onboard")
                  .counter()
                  .count())
          .isEqualTo(9);
      assertThat(fixture.dynamo.scan(b -> b.tableName(tenantsTable)).count()).isEqualTo(10);
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(0, 0, 0, 0));
      assertThat(fixture.leases()).isEmpty();

      // once what made EventBridge refuse it is fixed, the parked entry goes out again
      assertThat(relay.requeueFailed(10)).isEqualTo(1);
      assertThat(fixture.outboxItems())
          .singleElement()
          .satisfies(
              item -> {
                assertThat(item.get("status").s()).isEqualTo("PENDING");
                assertThat(item.get("statusShard").s()).isEqualTo("PENDING#0");
                assertThat(item.get("attempts").n()).isEqualTo("0");
              });
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(1, 1, 0, 0));
      assertThat(fixture.outboxItems()).isEmpty();
    }
  }

  /** The standard relay, but a failed entry is due again at once. */
  private static OutboxProperties.Relay withoutBackoff() {
    OutboxProperties.Relay standard = RelaySettings.standard("relay-a");
    return new OutboxProperties.Relay(
        true,
        standard.instanceId(),
        standard.interval(),
        standard.batchSize(),
        standard.lease(),
        standard.callTimeout(),
        standard.maxAttempts(),
        Duration.ZERO,
        Duration.ZERO,
        standard.backlogRefresh(),
        standard.backlogScanLimit());
  }
}
