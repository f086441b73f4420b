package com.salestalk.eventaws.outbox;

import com.salestalk.eventaws.metrics.CatalogTags;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox gauges by source: entries waiting ({@code salestalk.outbox.backlog}) and the age in
 * seconds of the oldest ({@code salestalk.outbox.oldest.age}, computed when read).
 */
final class OutboxBacklog {

  private final MeterRegistry registry;
  private final Clock clock;
  private final CatalogTags tags;
  private final Map<String, State> bySource = new ConcurrentHashMap<>();

  OutboxBacklog(MeterRegistry registry, Clock clock, CatalogTags tags) {
    this.registry = registry;
    this.clock = clock;
    this.tags = tags;
    // Every producer reports from the start, so an empty outbox shows 0 rather than no data.
    EventCatalog.standard().entries().stream()
        .map(CatalogEntry::producer)
        .distinct()
        .forEach(producer -> state(tags.source(producer)));
  }

  /** Replaces the figures: {@code counts} and {@code oldest} createdAt by source. */
  void update(Map<String, Long> counts, Map<String, Long> oldest) {
    Map<String, Long> byTag = new HashMap<>();
    Map<String, Long> oldestByTag = new HashMap<>();
    counts.forEach((source, count) -> byTag.merge(tags.source(source), count, Long::sum));
    oldest.forEach(
        (source, createdAt) -> oldestByTag.merge(tags.source(source), createdAt, Math::min));
    for (String source : byTag.keySet()) {
      state(source);
    }
    bySource.forEach(
        (source, state) -> {
          state.count = byTag.getOrDefault(source, 0L);
          state.oldestCreatedAt = oldestByTag.getOrDefault(source, -1L);
        });
  }

  /** Entries waiting for {@code source} as last computed. */
  long count(String source) {
    State state = bySource.get(tags.source(source));
    return state == null ? 0 : state.count;
  }

  /** Age in seconds of the oldest waiting entry of {@code source}; 0 when none. */
  double oldestAgeSeconds(String source) {
    State state = bySource.get(tags.source(source));
    return state == null ? 0 : state.ageSeconds(clock);
  }

  private State state(String source) {
    return bySource.computeIfAbsent(
        source,
        s -> {
          State state = new State();
          Gauge.builder(SalesTalkMetrics.OUTBOX_BACKLOG.name(), state, st -> st.count)
              .description(SalesTalkMetrics.OUTBOX_BACKLOG.description())
              .tag(SalesTalkMetrics.SOURCE, s)
              .register(registry);
          Gauge.builder(
                  SalesTalkMetrics.OUTBOX_OLDEST_AGE.name(), state, st -> st.ageSeconds(clock))
              .description(SalesTalkMetrics.OUTBOX_OLDEST_AGE.description())
              .tag(SalesTalkMetrics.SOURCE, s)
              .baseUnit("seconds")
              .register(registry);
          return state;
        });
  }

  private static final class State {
    volatile long count;
    volatile long oldestCreatedAt = -1;

    double ageSeconds(Clock clock) {
      long oldest = oldestCreatedAt;
      if (count == 0 || oldest < 0) {
        return 0;
      }
      return Math.max(0, clock.millis() - oldest) / 1000.0;
    }
  }
}
