package com.salestalk.eventaws.consume;

import com.salestalk.eventaws.metrics.MeterCache;
import com.salestalk.eventaws.metrics.TimerPercentiles;
import com.salestalk.eventcontracts.metrics.MetricDefinition;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The consume-side meters of {@link SalesTalkMetrics} for one consumer, by event type. */
final class ConsumeMetrics {

  private final MeterCache<Counter> processed;
  private final MeterCache<Counter> duplicate;
  private final MeterCache<Counter> failed;
  private final MeterCache<Counter> invalid;
  private final MeterCache<Timer> latency;

  ConsumeMetrics(MeterRegistry registry, String consumer) {
    processed = counters(registry, consumer, SalesTalkMetrics.PROCESSED);
    duplicate = counters(registry, consumer, SalesTalkMetrics.DUPLICATE);
    failed = counters(registry, consumer, SalesTalkMetrics.CONSUME_FAILED);
    invalid = counters(registry, consumer, SalesTalkMetrics.INVALID);
    latency =
        new MeterCache<>(
            eventType ->
                Timer.builder(SalesTalkMetrics.PROCESSING_LATENCY.name())
                    .description(SalesTalkMetrics.PROCESSING_LATENCY.description())
                    .tags(
                        SalesTalkMetrics.CONSUMER, consumer, SalesTalkMetrics.EVENT_TYPE, eventType)
                    .publishPercentiles(TimerPercentiles.values())
                    .register(registry));
  }

  void processed(String eventType, Duration sinceEvent) {
    processed.get(eventType).increment();
    latency.get(eventType).record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
  }

  void duplicate(String eventType) {
    duplicate.get(eventType).increment();
  }

  void failed(String eventType) {
    failed.get(eventType).increment();
  }

  void invalid(String eventType) {
    invalid.get(eventType).increment();
  }

  private static MeterCache<Counter> counters(
      MeterRegistry registry, String consumer, MetricDefinition definition) {
    return new MeterCache<>(
        eventType ->
            Counter.builder(definition.name())
                .description(definition.description())
                .tags(
                    Tags.of(
                        SalesTalkMetrics.CONSUMER,
                        consumer,
                        SalesTalkMetrics.EVENT_TYPE,
                        eventType))
                .register(registry));
  }
}
