package com.salestalk.aws.consume;

import com.salestalk.aws.publish.PublishMetrics;
import com.salestalk.contracts.metrics.MetricDefinition;
import com.salestalk.contracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The consume-side meters of {@link SalesTalkMetrics} for one consumer. */
final class ConsumeMetrics {

  private final MeterRegistry registry;
  private final String consumer;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  ConsumeMetrics(MeterRegistry registry, String consumer) {
    this.registry = registry;
    this.consumer = consumer;
  }

  void processed(String eventType, Duration sinceEvent) {
    counter(SalesTalkMetrics.PROCESSED, eventType).increment();
    timers
        .computeIfAbsent(
            eventType,
            t ->
                Timer.builder(SalesTalkMetrics.PROCESSING_LATENCY.name())
                    .description(SalesTalkMetrics.PROCESSING_LATENCY.description())
                    .tags(SalesTalkMetrics.CONSUMER, consumer, SalesTalkMetrics.EVENT_TYPE, t)
                    .publishPercentiles(PublishMetrics.toArray())
                    .register(registry))
        .record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
  }

  void duplicate(String eventType) {
    counter(SalesTalkMetrics.DUPLICATE, eventType).increment();
  }

  void failed(String eventType) {
    counter(SalesTalkMetrics.CONSUME_FAILED, eventType).increment();
  }

  void invalid(String eventType) {
    counter(SalesTalkMetrics.INVALID, eventType).increment();
  }

  private Counter counter(MetricDefinition definition, String eventType) {
    return counters.computeIfAbsent(
        definition.name() + '|' + eventType,
        k ->
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
