package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.publish.PreparedEvent;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A backlog of 10,000 entries over the 8 write shards drains completely: two relays share the
 * shards, every entry is sent (once: no lease ran out) and the outbox is left empty. The bus routes
 * none of them, so the emulator's time goes to the outbox and PutEvents, not to delivering 10,000
 * messages; 20 to 60 s on a two-core machine shared with other builds.
 */
@AwsEmulatorTest
class BacklogDrainIT {

  private static final int EVENTS = 10_000;

  @Test
  void aBacklogOfTenThousandEntriesDrainsCompletely(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "insights", "chat-events", "chat-handler")) {
      List<String> written = seed(fixture, EVENTS, System.currentTimeMillis(), 0);
      OutboxRelay relay = fixture.relay(fixture.publisher(), settings("relay-a"));
      relay.refreshBacklog();
      assertThat(relay.backlog("tenant-onboard")).isEqualTo(1000); // the gauges' scan limit

      OutboxRelayLifecycle a = OutboxFixture.scheduled(relay);
      OutboxRelayLifecycle b =
          OutboxFixture.scheduled(fixture.relay(fixture.publisher(), settings("relay-b")));
      a.start();
      b.start();
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> sent(fixture).size() >= EVENTS);
      } finally {
        a.stop();
        b.stop();
      }

      assertThat(sent(fixture)).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(written);
      assertThat(fixture.outboxItems()).isEmpty();
      assertThat(fixture.leases()).isEmpty();
      assertThat(fixture.registry.find("salestalk.publish.failed").counters()).isEmpty();
    }
  }

  @Test
  void entriesBackingOffDoNotHideADueOneBehindTheQueryLimit(AwsEndpoint aws) {
    try (OutboxFixture fixture =
        new OutboxFixture(aws, "insights", "chat-events", "chat-handler", 1)) {
      long now = System.currentTimeMillis();
      // 500 older entries whose next attempt is an hour away, written first
      seed(fixture, 500, now - 60_000, 3_600_000);
      List<String> due = seed(fixture, 1, now, 0);
      OutboxRelay relay = fixture.relay(fixture.publisher(), RelaySettings.quick("relay-a", 10, 5));

      assertThat(relay.runOnce()).isEqualTo(new RelayRun(1, 1, 0, 0));
      assertThat(sent(fixture)).isEqualTo(due);
      assertThat(relay.runOnce()).isEqualTo(new RelayRun(0, 0, 0, 0));
    }
  }

  /** The put of {@code event}'s entry as the outbox writes it, but due at {@code nextAttemptAt}. */
  private static WriteRequest putOf(
      OutboxRepository entries, EventEnvelope event, long createdAt, long nextAttemptAt) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            entries
                .newEntry(PreparedEvent.of(event, EnvelopeJson.toJson(event)), createdAt)
                .put()
                .item());
    item.put("nextAttemptAt", AttributeValue.fromN(Long.toString(nextAttemptAt)));
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  /** The eventIds of every entry of every PutEvents call so far. */
  private static List<String> sent(OutboxFixture fixture) {
    return fixture.faults.calls().stream().flatMap(List::stream).toList();
  }

  /**
   * Batches of 500, and calls allowed 10 s: the emulator reads the whole table for each query of
   * the index, which takes seconds with 10,000 entries on a busy machine.
   */
  private static OutboxProperties.Relay settings(String instanceId) {
    return RelaySettings.scheduled(
        instanceId, 500, Duration.ofSeconds(60), Duration.ofSeconds(10), 5);
  }

  /**
   * Writes {@code count} entries as {@link Outbox} would, created at {@code createdAt} and due
   * {@code delay} ms later, with parallel BatchWriteItem calls of 25 (a transaction per event would
   * take the emulator minutes); returns their eventIds.
   */
  private static List<String> seed(OutboxFixture fixture, int count, long createdAt, long delay) {
    OutboxRepository entries =
        new OutboxRepository(fixture.dynamo, fixture.outboxTable, fixture.shards, null);
    List<EventEnvelope> events =
        IntStream.range(0, count).mapToObj(i -> EventSamples.of("tenant.provisioned.v1")).toList();
    List<List<WriteRequest>> batches = new ArrayList<>();
    for (int from = 0; from < count; from += 25) {
      batches.add(
          events.subList(from, Math.min(from + 25, count)).stream()
              .map(e -> putOf(entries, e, createdAt, createdAt + delay))
              .toList());
    }
    batches.parallelStream()
        .forEach(
            batch ->
                assertThat(
                        fixture
                            .dynamo
                            .batchWriteItem(b -> b.requestItems(Map.of(fixture.outboxTable, batch)))
                            .unprocessedItems())
                    .isEmpty());
    return events.stream().map(e -> e.eventId().toString()).toList();
  }
}
