package com.salestalk.awsemulator;

import java.util.HashMap;
import java.util.Map;

/**
 * One emulator per settings per JVM, started on first use. Test runs (JUnit root contexts) retain
 * it and release it when they end; the last release stops it. A failure to start is remembered, so
 * every later test class fails at once with the same guidance instead of waiting again.
 */
final class SharedEmulators {

  private static final Map<EmulatorSettings, Entry> ENTRIES = new HashMap<>();

  private SharedEmulators() {}

  static synchronized Emulator acquire(EmulatorSettings settings) {
    Entry entry = ENTRIES.computeIfAbsent(settings, s -> new Entry());
    if (entry.failure != null) {
      throw new EmulatorUnavailableException(
          entry.failure.getMessage(), entry.failure.logFile().orElse(null), entry.failure);
    }
    if (entry.emulator == null) {
      try {
        entry.emulator = Emulator.start(settings);
      } catch (EmulatorUnavailableException e) {
        entry.failure = e;
        throw e;
      }
    }
    return entry.emulator;
  }

  static synchronized void retain(EmulatorSettings settings) {
    ENTRIES.computeIfAbsent(settings, s -> new Entry()).holders++;
  }

  static synchronized void release(EmulatorSettings settings) {
    Entry entry = ENTRIES.get(settings);
    if (entry == null || --entry.holders > 0) {
      return;
    }
    ENTRIES.remove(settings);
    if (entry.emulator != null) {
      entry.emulator.close();
    }
  }

  private static final class Entry {
    private Emulator emulator;
    private EmulatorUnavailableException failure;
    private int holders;
  }
}
