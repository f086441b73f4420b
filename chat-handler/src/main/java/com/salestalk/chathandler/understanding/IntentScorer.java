package com.salestalk.chathandler.understanding;

import com.salestalk.eventcontracts.events.Intent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every intent: the weights of the lexicon's cue phrases found in the question, plus the
 * weights of what the question contains (a metric, a period, two periods, a future period, a
 * dimension asked for, the shape "what is &lt;metric&gt;"). UNKNOWN starts at {@value
 * #UNKNOWN_PRIOR}, so a question with no cue at all is unknown. Greeting words count only in a
 * message with no metric and no period ("hi, what was revenue?" is a lookup).
 */
final class IntentScorer {

  static final double UNKNOWN_PRIOR = 1.0;

  /** What the question contains, besides its words. */
  record Features(
      boolean metric,
      boolean period,
      boolean twoPeriods,
      boolean comparisonMarker,
      boolean rangeWithChange,
      boolean changeInPeriod,
      boolean futurePeriod,
      boolean dimension,
      boolean dimensionAsked,
      boolean whatIsMetric,
      boolean explainMetric) {}

  private IntentScorer() {}

  /** The intents that scored, best first (ties: in the enum's order). */
  static List<IntentScore> score(List<String> words, Features features) {
    Map<Intent, Double> scores = new EnumMap<>(Intent.class);
    Map<Intent, List<String>> cues = new EnumMap<>(Intent.class);
    String text = " " + String.join(" ", words) + " ";
    Lexicon.CUES.forEach(
        (intent, phrases) ->
            phrases.forEach(
                (phrase, weight) -> {
                  if (text.contains(" " + phrase + " ")) {
                    add(scores, cues, intent, weight, "\"" + phrase + "\"");
                  }
                }));
    if (features.metric() || features.period()) {
      scores.remove(Intent.GREETING);
      cues.remove(Intent.GREETING);
    }
    add(scores, cues, Intent.UNKNOWN, UNKNOWN_PRIOR, "prior");
    add(scores, cues, Intent.METRIC_LOOKUP, features.metric() ? 1.0 : 0, "a metric");
    add(scores, cues, Intent.METRIC_LOOKUP, features.period() ? 0.5 : 0, "a period");
    add(scores, cues, Intent.COMPARISON, features.twoPeriods() ? 2.5 : 0, "two periods");
    add(
        scores,
        cues,
        Intent.COMPARISON,
        features.comparisonMarker() ? 2.5 : 0,
        "a period compared with");
    add(
        scores,
        cues,
        Intent.COMPARISON,
        features.rangeWithChange() ? 1.5 : 0,
        "a change from one period to another");
    add(
        scores,
        cues,
        Intent.COMPARISON,
        features.changeInPeriod() ? 1.0 : 0,
        "a change in a period");
    add(scores, cues, Intent.FORECAST, features.futurePeriod() ? 2.5 : 0, "a future period");
    add(scores, cues, Intent.TOP_PERFORMERS, features.dimension() ? 1.0 : 0, "a dimension");
    add(
        scores,
        cues,
        Intent.TOP_PERFORMERS,
        features.dimensionAsked() ? 2.0 : 0,
        "a breakdown by the dimension");
    add(scores, cues, Intent.DEFINITION, features.whatIsMetric() ? 2.5 : 0, "\"what is\" a metric");
    add(
        scores,
        cues,
        Intent.DEFINITION,
        features.explainMetric() ? 3.0 : 0,
        "\"explain\"/\"define\" a metric");
    List<IntentScore> result = new ArrayList<>();
    scores.forEach(
        (intent, score) ->
            result.add(new IntentScore(intent, score, List.copyOf(cues.get(intent)))));
    result.sort(
        Comparator.comparingDouble((IntentScore s) -> -s.score())
            .thenComparing(s -> s.intent().ordinal()));
    return result;
  }

  private static void add(
      Map<Intent, Double> scores,
      Map<Intent, List<String>> cues,
      Intent intent,
      double weight,
      String cue) {
    if (weight > 0) {
      scores.merge(intent, weight, Double::sum);
      cues.computeIfAbsent(intent, i -> new ArrayList<>()).add(cue);
    }
  }
}
