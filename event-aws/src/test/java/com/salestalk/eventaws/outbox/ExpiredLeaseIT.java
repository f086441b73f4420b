package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Relay A takes a shard and stalls until its lease has ended; relay B takes the shard and
 * publishes. When A comes back, it sends nothing, writes nothing to the entries and cannot release
 * B's lease (the release is conditional on A's token); B then deletes what it published, and every
 * event arrives once.
 */
@AwsEmulatorTest
class ExpiredLeaseIT {

  private static final int EVENTS = 3;

  @Test
  void aRelayWhoseLeaseEndedChangesNothingWhenItComesBack(AwsEndpoint aws) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "aggregation", "tenant-events", "tenant-onboard", 1)) {
      List<EventEnvelope> written = fixture.write("tenant.provisioned.v1", EVENTS);
      HeldPublisher stalled = HeldPublisher.beforeSending(fixture.publisher());
      OutboxRelay a =
          fixture.relay(stalled, RelaySettings.shortLease("relay-a", Duration.ofMillis(1500)));
      HeldPublisher publishing = HeldPublisher.afterSending(fixture.publisher());
      OutboxRelay b = fixture.relay(publishing, RelaySettings.quick("relay-b", 10, 5));

      Future<RelayRun> runOfA = threads.submit(a::runOnce);
      stalled.awaitHeld();
      Future<RelayRun> runOfB =
          threads.submit(
              () -> {
                RelayRun run;
                do {
                  run = b.runOnce(); // nothing while A's lease holds
                } while (run.claimed() == 0);
                return run;
              });
      publishing.awaitHeld(); // B holds the shard and has published, not yet deleted
      List<Map<String, AttributeValue>> entriesBefore = fixture.outboxItems();
      List<Map<String, AttributeValue>> leaseOfB = fixture.leases();
      assertThat(leaseOfB)
          .singleElement()
          .satisfies(l -> assertThat(l.get("claimedBy").s()).isEqualTo("relay-b"));

      stalled.release();

      assertThat(runOfA.get(20, TimeUnit.SECONDS)).isEqualTo(new RelayRun(EVENTS, 0, 0, 0));
      assertThat(fixture.faults.calls()).as("A sent nothing late").hasSize(1);
      assertThat(fixture.outboxItems()).as("A changed no entry").isEqualTo(entriesBefore);
      assertThat(fixture.leases()).as("A left B's lease alone").isEqualTo(leaseOfB);

      publishing.release();

      assertThat(runOfB.get(20, TimeUnit.SECONDS)).isEqualTo(new RelayRun(EVENTS, EVENTS, 0, 0));
      assertThat(fixture.outboxItems()).isEmpty();
      assertThat(fixture.leases()).isEmpty();
      fixture.assertArriveOnce(OutboxFixture.ids(written));
    } finally {
      threads.shutdownNow();
    }
  }
}
