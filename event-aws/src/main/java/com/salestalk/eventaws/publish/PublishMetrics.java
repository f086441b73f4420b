package com.salestalk.eventaws.publish;

import com.salestalk.eventaws.metrics.CatalogTags;
import com.salestalk.eventaws.metrics.MeterCache;
import com.salestalk.eventaws.metrics.TimerPercentiles;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.metrics.MetricDefinition;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The publish-side meters of {@link SalesTalkMetrics}. Tag values are limited to the catalog's
 * event types and sources ({@code unknown} otherwise), so hostile input cannot blow up cardinality.
 */
public final class PublishMetrics {

  private final CatalogTags tags;
  private final MeterCache<MeterCache<Counter>> published;
  private final MeterCache<MeterCache<Counter>> rejected;
  private final MeterCache<MeterCache<Counter>> failed;
  private final MeterCache<Counter> parked;
  private final MeterCache<Counter> billableChunks;
  private final MeterCache<Timer> latency;

  /**
   * @param registry where meters are registered
   * @param catalog which event types and sources are known
   */
  public PublishMetrics(MeterRegistry registry, EventCatalog catalog) {
    this.tags = new CatalogTags(catalog);
    published = byTypeAndSource(registry, SalesTalkMetrics.PUBLISHED);
    rejected = byTypeAndSource(registry, SalesTalkMetrics.REJECTED);
    failed = byTypeAndSource(registry, SalesTalkMetrics.PUBLISH_FAILED);
    parked = by(registry, SalesTalkMetrics.OUTBOX_PARKED, SalesTalkMetrics.SOURCE);
    billableChunks = by(registry, SalesTalkMetrics.BILLABLE_CHUNKS, SalesTalkMetrics.EVENT_TYPE);
    latency =
        new MeterCache<>(
            source ->
                Timer.builder(SalesTalkMetrics.PUBLISH_LATENCY.name())
                    .description(SalesTalkMetrics.PUBLISH_LATENCY.description())
                    .tags(SalesTalkMetrics.SOURCE, source)
                    .publishPercentiles(TimerPercentiles.values())
                    .register(registry));
  }

  /** Counts {@code n} events accepted by EventBridge. */
  void published(String eventType, String source, int n) {
    counter(published, eventType, source).increment(n);
  }

  /** Counts an event refused by validation. */
  public void rejected(String eventType, String source) {
    counter(rejected, eventType, source).increment();
  }

  /** Counts an event given up on (non-retryable, or retries exhausted). */
  public void failed(String eventType, String source) {
    counter(failed, eventType, source).increment();
  }

  /** Counts an outbox entry parked as {@code FAILED}. */
  public void parked(String source) {
    parked.get(tags.source(source)).increment();
  }

  /** Counts billable 64 KB chunks of accepted events. */
  void billableChunks(String eventType, int chunks) {
    billableChunks.get(tags.eventType(eventType)).increment(chunks);
  }

  /** Records the duration of one publish call for a source. */
  void latency(String source, long nanos) {
    latency.get(tags.source(source)).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter counter(
      MeterCache<MeterCache<Counter>> counters, String eventType, String source) {
    return counters.get(tags.eventType(eventType)).get(tags.source(source));
  }

  private static MeterCache<Counter> by(
      MeterRegistry registry, MetricDefinition definition, String tag) {
    return new MeterCache<>(
        value ->
            Counter.builder(definition.name())
                .description(definition.description())
                .tags(tag, value)
                .register(registry));
  }

  private static MeterCache<MeterCache<Counter>> byTypeAndSource(
      MeterRegistry registry, MetricDefinition definition) {
    return new MeterCache<>(
        type ->
            new MeterCache<>(
                source ->
                    Counter.builder(definition.name())
                        .description(definition.description())
                        .tags(
                            Tags.of(
                                SalesTalkMetrics.EVENT_TYPE, type, SalesTalkMetrics.SOURCE, source))
                        .register(registry)));
  }

  /** The catalog-limited tag values these meters use. */
  public CatalogTags tags() {
    return tags;
  }
}
