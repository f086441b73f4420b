package com.salestalk.benchmarks;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH (same command-line options as JMH itself) and prints, for every benchmark class with a
 * {@code floor} method, each other method's time as a ratio to that floor, measured in the same
 * run, with its {@link Goal}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar [JMH options] [include regex]}.
 * Benchmarks use average-time mode in nanoseconds.
 */
public final class RatioReport {

  private RatioReport() {}

  /** Runs the benchmarks and prints the ratios. */
  public static void main(String[] args) throws Exception {
    java.util.List<String> jmhArgs = new java.util.ArrayList<>(java.util.Arrays.asList(args));
    java.util.List<Integer> threadCounts = java.util.List.of(1, 2);
    int flag = jmhArgs.indexOf("--threads");
    if (flag >= 0) {
      threadCounts =
          java.util.Arrays.stream(jmhArgs.get(flag + 1).split(",")).map(Integer::valueOf).toList();
      jmhArgs.subList(flag, flag + 2).clear();
    }
    CommandLineOptions parsed = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    java.util.List<RunResult> results = new java.util.ArrayList<>();
    for (int threads : threadCounts) {
      Options options = new OptionsBuilder().parent(parsed).threads(threads).build();
      results.addAll(new Runner(options).run());
    }
    System.out.println();
    System.out.println(report(results));
  }

  static String report(Collection<RunResult> results) throws RunnerException {
    // key: class + thread count; value: method -> ns/op
    Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      int dot = label.lastIndexOf('.');
      String group = label.substring(0, dot) + " threads=" + result.getParams().getThreads();
      byGroup
          .computeIfAbsent(group, k -> new LinkedHashMap<>())
          .put(label.substring(dot + 1), result.getPrimaryResult().getScore());
    }
    StringBuilder out = new StringBuilder("Ratios to the floor measured in this run\n");
    for (Map.Entry<String, Map<String, Double>> group : byGroup.entrySet()) {
      Double floor = group.getValue().get("floor");
      if (floor == null) {
        continue;
      }
      String className = group.getKey().substring(0, group.getKey().indexOf(' '));
      int threads = Integer.parseInt(group.getKey().substring(group.getKey().indexOf('=') + 1));
      out.append(group.getKey()).append('\n');
      out.append(line("floor", floor, 1.0, threads, null));
      for (Map.Entry<String, Double> method : group.getValue().entrySet()) {
        if (!method.getKey().equals("floor")) {
          out.append(
              line(
                  method.getKey(),
                  method.getValue(),
                  method.getValue() / floor,
                  threads,
                  goal(className, method.getKey())));
        }
      }
    }
    return out.toString();
  }

  private static String line(String name, double nsPerOp, double ratio, int threads, Goal goal) {
    double perSecondPerThread = 1e9 / nsPerOp;
    String verdict = "";
    if (goal != null) {
      boolean met = ratio <= goal.maxRatio() && perSecondPerThread >= goal.minOpsPerSecond();
      String speed =
          goal.minOpsPerSecond() > 0
              ? String.format(Locale.ROOT, " and >= %,.0f ops/s per thread", goal.minOpsPerSecond())
              : "";
      verdict =
          String.format(
              Locale.ROOT, "  goal <= %.1fx%s: %s", goal.maxRatio(), speed, met ? "met" : "MISSED");
    }
    return String.format(
        Locale.ROOT,
        "  %-28s %10.0f ns/op  %6.2fx floor  %,12.0f ops/s per thread  %,12.0f ops/s total%s%n",
        name,
        nsPerOp,
        ratio,
        perSecondPerThread,
        perSecondPerThread * threads,
        verdict);
  }

  private static Goal goal(String className, String method) {
    try {
      for (Method m : Class.forName(className).getMethods()) {
        if (m.getName().equals(method)) {
          return m.getAnnotation(Goal.class);
        }
      }
    } catch (ClassNotFoundException e) {
      return null;
    }
    return null;
  }
}
