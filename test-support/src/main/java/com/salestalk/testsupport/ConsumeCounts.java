package com.salestalk.testsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consume counters a consumer app records ({@code salestalk.consume.processed}, {@code
 * .duplicate}, {@code .failed}, {@code .invalid}), read from its registry: how a test knows that a
 * delivery happened which changed nothing visible (a duplicate) or failed (before its redelivery).
 *
 * @param registry the service's {@link MeterRegistry}
 * @param consumer the consumer's name, e.g. {@code insights}
 */
public record ConsumeCounts(MeterRegistry registry, String consumer) {

  /** Events of {@code eventType} processed (their effect committed). */
  public double processed(String eventType) {
    return count("processed", eventType);
  }

  /** Deliveries of {@code eventType} found done already. */
  public double duplicate(String eventType) {
    return count("duplicate", eventType);
  }

  /** Deliveries of {@code eventType} whose handler or completion failed. */
  public double failed(String eventType) {
    return count("failed", eventType);
  }

  private double count(String outcome, String eventType) {
    Counter counter =
        registry
            .find("salestalk.consume." + outcome)
            .tag("consumer", consumer)
            .tag("eventType", eventType)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
