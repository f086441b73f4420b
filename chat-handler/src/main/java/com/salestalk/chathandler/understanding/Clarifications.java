package com.salestalk.chathandler.understanding;

import com.salestalk.eventcontracts.events.Intent;
import java.util.List;
import java.util.Set;

/** The questions a plan asks back when it cannot answer without guessing. */
final class Clarifications {

  private Clarifications() {}

  /** The two best intents are too close to pick one. */
  static String whichIntent(Intent first, Intent second, String metric, String dimension) {
    return "Do you want "
        + describe(first, metric, dimension)
        + " or "
        + describe(second, metric, dimension)
        + "?";
  }

  static String whichMetric(Set<String> metrics) {
    if (metrics.isEmpty()) {
      return "There are no numbers for your account yet: upload a CSV of your metrics first.";
    }
    return "Which metric do you mean? For example " + choices(metrics) + ".";
  }

  static String whichDimension(Set<String> dimensions) {
    if (dimensions.isEmpty()) {
      return "Your numbers have no dimension (such as region or product) to rank by.";
    }
    return "Rank by which of " + choices(dimensions) + "?";
  }

  static String whichComparand(Period period) {
    Period before = period.previous();
    Period yearEarlier = period.yearEarlier();
    return "Compare "
        + period.label()
        + " with which period: "
        + before.label()
        + " (the one before) or "
        + yearEarlier.label()
        + " (a year earlier)?";
  }

  static String whichPeriods() {
    return "Which two periods should I compare? For example \"this quarter vs last quarter\".";
  }

  /** A name as a person reads it: {@code deals_closed} → "deals closed". */
  static String spoken(String name) {
    return name.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static String describe(Intent intent, String metric, String dimension) {
    String what = metric == null ? "your numbers" : spoken(metric);
    return switch (intent) {
      case METRIC_LOOKUP -> "the total of " + what;
      case TREND_ANALYSIS -> "the trend of " + what + " month by month";
      case COMPARISON -> what + " compared between two periods";
      case TOP_PERFORMERS -> "a ranking" + (dimension == null ? "" : " by " + spoken(dimension));
      case FORECAST -> "a forecast of " + what;
      case ANOMALY_EXPLANATION -> "an explanation of a change in " + what;
      case DEFINITION -> "the definition of " + what;
      case GREETING, UNKNOWN -> "a list of what I can answer";
    };
  }

  /** "a, b or c" from the first four names in alphabetical order. */
  private static String choices(Set<String> names) {
    List<String> sorted = names.stream().sorted().limit(4).map(Clarifications::spoken).toList();
    if (sorted.size() == 1) {
      return sorted.get(0);
    }
    return String.join(", ", sorted.subList(0, sorted.size() - 1))
        + " or "
        + sorted.get(sorted.size() - 1);
  }
}
