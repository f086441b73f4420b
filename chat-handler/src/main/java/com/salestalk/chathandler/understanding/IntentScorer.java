package com.salestalk.chathandler.understanding;

import static com.salestalk.eventcontracts.events.Intent.COMPARISON;
import static com.salestalk.eventcontracts.events.Intent.DEFINITION;
import static com.salestalk.eventcontracts.events.Intent.FORECAST;
import static com.salestalk.eventcontracts.events.Intent.GREETING;
import static com.salestalk.eventcontracts.events.Intent.METRIC_LOOKUP;
import static com.salestalk.eventcontracts.events.Intent.TOP_PERFORMERS;
import static com.salestalk.eventcontracts.events.Intent.UNKNOWN;

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
  static List<IntentScore> score(List<String> words, Features f) {
    Tally tally = new Tally();
    String text = " " + String.join(" ", words) + " ";
    Lexicon.CUES.forEach(
        (intent, phrases) ->
            phrases.forEach(
                (phrase, weight) ->
                    tally.when(
                        text.contains(" " + phrase + " "), intent, weight, '"' + phrase + '"')));
    if (f.metric() || f.period()) {
      tally.drop(GREETING);
    }
    tally.when(true, UNKNOWN, UNKNOWN_PRIOR, "prior");
    tally.when(f.metric(), METRIC_LOOKUP, 1.0, "a metric");
    tally.when(f.period(), METRIC_LOOKUP, 0.5, "a period");
    tally.when(f.twoPeriods(), COMPARISON, 2.5, "two periods");
    tally.when(f.comparisonMarker(), COMPARISON, 2.5, "a period compared with");
    tally.when(f.rangeWithChange(), COMPARISON, 1.5, "a change from one period to another");
    tally.when(f.changeInPeriod(), COMPARISON, 1.0, "a change in a period");
    tally.when(f.futurePeriod(), FORECAST, 2.5, "a future period");
    tally.when(f.dimension(), TOP_PERFORMERS, 1.0, "a dimension");
    tally.when(f.dimensionAsked(), TOP_PERFORMERS, 2.0, "a breakdown by the dimension");
    tally.when(f.whatIsMetric(), DEFINITION, 2.5, "\"what is\" a metric");
    tally.when(f.explainMetric(), DEFINITION, 3.0, "\"explain\"/\"define\" a metric");
    return tally.ranked();
  }

  /** Scores and cues, added up. */
  private static final class Tally {
    private final Map<Intent, Double> scores = new EnumMap<>(Intent.class);
    private final Map<Intent, List<String>> cues = new EnumMap<>(Intent.class);

    void when(boolean present, Intent intent, double weight, String cue) {
      if (present) {
        scores.merge(intent, weight, Double::sum);
        cues.computeIfAbsent(intent, i -> new ArrayList<>()).add(cue);
      }
    }

    void drop(Intent intent) {
      scores.remove(intent);
      cues.remove(intent);
    }

    List<IntentScore> ranked() {
      List<IntentScore> result = new ArrayList<>();
      scores.forEach(
          (intent, score) -> result.add(new IntentScore(intent, score, cues.get(intent))));
      result.sort(
          Comparator.comparingDouble((IntentScore s) -> -s.score())
              .thenComparing(s -> s.intent().ordinal()));
      return result;
    }
  }
}
