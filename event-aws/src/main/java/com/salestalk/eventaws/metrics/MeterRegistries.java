package com.salestalk.eventaws.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;

/** Picks the meter registry the kit records to. */
public final class MeterRegistries {

  private MeterRegistries() {}

  /**
   * The application's registry (the primary one if there are several), else Micrometer's global
   * registry.
   */
  public static MeterRegistry resolve(ObjectProvider<MeterRegistry> registries) {
    return registries.getIfAvailable(() -> Metrics.globalRegistry);
  }
}
