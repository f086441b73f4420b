package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventaws.metrics.CatalogTags;
import com.salestalk.eventcontracts.catalog.EventCatalog;
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
      new OutboxBacklog(registry, clock, new CatalogTags(EventCatalog.standard()));

  private double gauge(String name, String source) {
    return registry.get(name).tag("source", source).gauge().value();
  }

  @Test
  void everyProducerReportsAnEmptyBacklogFromTheStart() {
    for (String producer : new String[] {"chat-handler", "metrics-handler", "tenant-onboard"}) {
      assertThat(gauge("salestalk.outbox.backlog", producer)).as(producer).isZero();
      assertThat(gauge("salestalk.outbox.oldest.age", producer)).isZero();
    }
  }

  @Test
  void reportsCountAndOldestAgePerSourceAndResetsWhatIsGone() {
    long tenMinutesAgo = clock.millis() - 600_000;
    backlog.update(Map.of("tenant-onboard", 3L), Map.of("tenant-onboard", tenMinutesAgo));

    assertThat(gauge("salestalk.outbox.backlog", "tenant-onboard")).isEqualTo(3);
    assertThat(gauge("salestalk.outbox.oldest.age", "tenant-onboard")).isEqualTo(600);

    backlog.update(Map.of(), Map.of());

    assertThat(gauge("salestalk.outbox.backlog", "tenant-onboard")).isZero();
  }
}
