package com.salestalk.benchmarks.system;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * How much load a driver makes and how its rounds are summarised: one warm-up round, then {@code
 * rounds} measured ones, each metric reported as its median with min, max and spread. The defaults
 * are small because moto handles only some tens of these events per second on a two-core machine.
 *
 * @param events events per round
 * @param rounds measured rounds after the warm-up
 */
record Rounds(int events, int rounds) {

  Rounds {
    if (events < 10 || rounds < 1) {
      throw new IllegalArgumentException("need events >= 10 and rounds >= 1");
    }
  }

  /**
   * {@code events} and {@code rounds} from arguments {@code events=N rounds=R}, else from system
   * properties of those names, else the defaults.
   */
  static Rounds from(String[] args, int defaultEvents, int defaultRounds) {
    return new Rounds(
        setting(args, "events", defaultEvents), setting(args, "rounds", defaultRounds));
  }

  /**
   * A round's events: valid samples of every catalog type in turn, each with its own eventId.
   *
   * @return {@link #events()} new events
   */
  List<EventEnvelope> sampleEvents() {
    List<CatalogEntry> types = EventCatalog.standard().entries();
    List<EventEnvelope> samples = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      samples.add(EventSamples.of(types.get(i % types.size()).type()));
    }
    return samples;
  }

  /**
   * Runs the warm-up and the measured rounds, printing each round's metrics as it ends.
   *
   * @param round measures round {@code i} (0 is the warm-up): metric name to value
   * @return every measured value, by metric, in round order
   */
  Map<String, List<Double>> run(IntFunction<Map<String, Double>> round) {
    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int i = 0; i <= rounds; i++) {
      Map<String, Double> measured = round.apply(i);
      System.out.println((i == 0 ? "warm-up: " : "round " + i + ": ") + format(measured));
      if (i > 0) {
        measured.forEach((k, v) -> results.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
    }
    return results;
  }

  /** {@code name: median M (min A, max B, spread S %)}, spread being (max - min) / median. */
  static String summary(String name, List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    double median = median(values);
    double min = sorted.get(0);
    double max = sorted.get(sorted.size() - 1);
    return String.format(
        Locale.ROOT,
        "%-34s median %9.1f  (min %.1f, max %.1f, spread %.0f %%)",
        name,
        median,
        min,
        max,
        median == 0 ? 0 : 100 * (max - min) / median);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Microseconds per item of {@code work}, the best of five passes over all items. */
  static <T> double microsPerItem(List<T> items, Consumer<T> work) {
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 5; pass++) {
      long start = System.nanoTime();
      items.forEach(work);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best / 1000.0 / items.size();
  }

  /**
   * CPU time used so far by this JVM and by the processes it started (the emulator, when this JVM
   * started it), so a round can show which side its events cost. The JVM's share includes JIT
   * compilation, which dominates in rounds of a few hundred events.
   *
   * @param jvmNanos this process
   * @param emulatorNanos its descendants
   */
  record CpuTime(long jvmNanos, long emulatorNanos) {

    static CpuTime now() {
      return new CpuTime(
          cpuNanos(ProcessHandle.current()),
          ProcessHandle.current().descendants().mapToLong(CpuTime::cpuNanos).sum());
    }

    /** Adds the CPU time since {@code start} per event, in microseconds, to {@code measured}. */
    void putSince(CpuTime start, int events, Map<String, Double> measured) {
      measured.put("JVM CPU us/event", (jvmNanos - start.jvmNanos) / 1000.0 / events);
      measured.put(
          "emulator CPU us/event", (emulatorNanos - start.emulatorNanos) / 1000.0 / events);
    }

    static long cpuNanos(ProcessHandle process) {
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
  }

  /** Events per second for {@code count} events in {@code nanos}. */
  static double perSecond(int count, long nanos) {
    return count * 1e9 / nanos;
  }

  private static String format(Map<String, Double> measured) {
    StringBuilder out = new StringBuilder();
    measured.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f", k, v)));
    return out.toString();
  }

  /** {@code name=N} from the arguments, else the system property {@code name}, else the default. */
  static int setting(String[] args, String name, int defaultValue) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1));
      }
    }
    return Integer.getInteger(name, defaultValue);
  }
}
