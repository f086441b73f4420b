package com.salestalk.aws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.aws.publish.PublishMetrics;
import com.salestalk.contracts.catalog.EventCatalog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  private final OutboxBacklog backlog =
      new OutboxBacklog(registry, clock, new PublishMetrics(registry, EventCatalog.standard()));

  @Test
  void everyProducerReportsAnEmptyBacklogFromTheStart() {
    for (String producer : new String[] {"chat-handler", "metrics-handler", "tenant-onboard"}) {
      assertThat(registry.get("salestalk.outbox.backlog").tag("source", producer).gauge().value())
          .as(producer)
          .isZero();
      assertThat(
              registry.get("salestalk.outbox.oldest.age").tag("source", producer).gauge().value())
          .isZero();
    }
  }

  @Test
  void reportsCountAndOldestAgePerSourceAndResetsWhatIsGone() {
    long tenMinutesAgo = clock.millis() - 600_000;
    backlog.update(Map.of("tenant-onboard", 3L), Map.of("tenant-onboard", tenMinutesAgo));

    assertThat(
            registry
                .get("salestalk.outbox.backlog")
                .tag("source", "tenant-onboard")
                .gauge()
                .value())
        .isEqualTo(3);
    assertThat(
            registry
                .get("salestalk.outbox.oldest.age")
                .tag("source", "tenant-onboard")
                .gauge()
                .value())
        .isEqualTo(600);

    backlog.update(Map.of(), Map.of());

    assertThat(
            registry
                .get("salestalk.outbox.backlog")
                .tag("source", "tenant-onboard")
                .gauge()
                .value())
        .isZero();
  }
}
