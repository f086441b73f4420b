package com.salestalk.aws.publish;

import com.salestalk.contracts.catalog.EventCatalog;
import com.salestalk.contracts.metrics.MetricDefinition;
import com.salestalk.contracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The publish-side meters of {@link SalesTalkMetrics}. Tag values are limited to the catalog's
 * event types and sources ({@code unknown} otherwise), so hostile input cannot blow up cardinality.
 */
public final class PublishMetrics {

  /** Tag value for an event type or source that is not in the catalog. */
  public static final String UNKNOWN = "unknown";

  private final MeterRegistry registry;
  private final EventCatalog catalog;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param registry where meters are registered
   * @param catalog which event types and sources are known
   */
  public PublishMetrics(MeterRegistry registry, EventCatalog catalog) {
    this.registry = registry;
    this.catalog = catalog;
  }

  /** Counts {@code n} events accepted by EventBridge. */
  public void published(String eventType, String source, int n) {
    counter(SalesTalkMetrics.PUBLISHED, eventType, source).increment(n);
  }

  /** Counts an event refused by validation. */
  public void rejected(String eventType, String source) {
    counter(SalesTalkMetrics.REJECTED, eventType, source).increment();
  }

  /** Counts an event given up on (non-retryable, or retries exhausted). */
  public void failed(String eventType, String source) {
    counter(SalesTalkMetrics.PUBLISH_FAILED, eventType, source).increment();
  }

  /** Counts billable 64 KB chunks of accepted events. */
  public void billableChunks(String eventType, int chunks) {
    String type = eventTypeTag(eventType);
    cached(
            counters,
            "chunks|" + type,
            k ->
                Counter.builder(SalesTalkMetrics.BILLABLE_CHUNKS.name())
                    .description(SalesTalkMetrics.BILLABLE_CHUNKS.description())
                    .tags(SalesTalkMetrics.EVENT_TYPE, type)
                    .register(registry))
        .increment(chunks);
  }

  /** Records the duration of one publish call for a source. */
  public void latency(String source, long nanos) {
    String src = sourceTag(source);
    cached(
            timers,
            src,
            k ->
                Timer.builder(SalesTalkMetrics.PUBLISH_LATENCY.name())
                    .description(SalesTalkMetrics.PUBLISH_LATENCY.description())
                    .tags(SalesTalkMetrics.SOURCE, src)
                    .publishPercentiles(toArray())
                    .register(registry))
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Counter counter(MetricDefinition definition, String eventType, String source) {
    String type = eventTypeTag(eventType);
    String src = sourceTag(source);
    return cached(
        counters,
        definition.name() + '|' + type + '|' + src,
        k ->
            Counter.builder(definition.name())
                .description(definition.description())
                .tags(Tags.of(SalesTalkMetrics.EVENT_TYPE, type, SalesTalkMetrics.SOURCE, src))
                .register(registry));
  }

  /** A lock-free read when present; {@code computeIfAbsent} alone may lock a bin on every call. */
  private static <V> V cached(Map<String, V> cache, String key, Function<String, V> create) {
    V value = cache.get(key);
    return value != null ? value : cache.computeIfAbsent(key, create);
  }

  /** The tag value for an event type: itself if the catalog has it, else {@value #UNKNOWN}. */
  public String eventTypeTag(String eventType) {
    return eventType != null && catalog.find(eventType).isPresent() ? eventType : UNKNOWN;
  }

  /** The tag value for a source: itself if the catalog has it, else {@value #UNKNOWN}. */
  public String sourceTag(String source) {
    return source != null && catalog.sources().contains(source) ? source : UNKNOWN;
  }

  /** The percentiles every SalesTalk timer publishes. */
  public static double[] toArray() {
    return MetricDefinition.TIMER_PERCENTILES.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
