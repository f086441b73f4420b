package com.salestalk.eventaws.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one metric by tag value, registered on first use. Finding a meter that exists takes
 * no lock and builds no key, which suits the per-event paths of the publisher and the consumer. For
 * a metric with two varying tags, the meter of the first tag value is itself a {@code MeterCache}
 * over the second.
 *
 * @param <M> the meter type (or a {@code MeterCache} over the next tag)
 */
public final class MeterCache<M> {

  private final Map<String, M> byTag = new ConcurrentHashMap<>();
  private final Function<String, M> register;

  /**
   * @param register builds and registers the meter of a tag value
   */
  public MeterCache(Function<String, M> register) {
    this.register = Objects.requireNonNull(register, "register");
  }

  /** The meter of {@code tag}, registered the first time it is asked for. */
  public M get(String tag) {
    M meter = byTag.get(tag);
    // computeIfAbsent alone may lock a bin on every call
    return meter != null ? meter : byTag.computeIfAbsent(tag, register);
  }
}
