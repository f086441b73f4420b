package com.salestalk.chathandler.understanding;

import static java.util.Map.entry;

import com.salestalk.eventcontracts.events.Intent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the rules know: cue phrases per intent with their weights, and the plain words a
 * question is made of (never corrected into a cue or a metric). A cue counts once per question,
 * however often it occurs.
 */
final class Lexicon {

  private Lexicon() {}

  static final Map<Intent, Map<String, Double>> CUES;

  static {
    Map<Intent, Map<String, Double>> cues = new LinkedHashMap<>();
    cues.put(
        Intent.METRIC_LOOKUP,
        inOrder(
            entry("how much", 1.0),
            entry("how many", 1.0),
            entry("what was", 1.5),
            entry("what were", 1.5),
            entry("total", 1.5),
            entry("number of", 1.5),
            entry("numbers", 1.0),
            entry("figure", 1.0),
            entry("figures", 1.0),
            entry("amount", 1.0),
            entry("count", 1.0),
            entry("show me", 1.0),
            entry("give me", 1.0),
            entry("tell me", 1.0),
            entry("how did we do", 2.0),
            entry("how are we doing", 2.0),
            entry("come to", 1.5)));
    cues.put(
        Intent.TREND_ANALYSIS,
        inOrder(
            entry("trend", 3.0),
            entry("trends", 3.0),
            entry("trending", 3.0),
            entry("over time", 3.0),
            entry("trajectory", 3.0),
            entry("evolution", 3.0),
            entry("evolve", 2.5),
            entry("evolved", 2.5),
            entry("develop", 2.5),
            entry("developed", 2.5),
            entry("development", 2.0),
            entry("month by month", 3.0),
            entry("by month", 2.5),
            entry("per month", 2.5),
            entry("each month", 2.5),
            entry("every month", 2.5),
            entry("by quarter", 2.5),
            entry("per quarter", 2.5),
            entry("by week", 2.5),
            entry("monthly", 2.5),
            entry("quarterly", 2.5),
            entry("weekly", 2.5),
            entry("yearly", 2.0),
            entry("history", 2.5),
            entry("historical", 2.5),
            entry("over the course of", 2.0),
            entry("pattern", 2.0),
            entry("patterns", 2.0),
            entry("seasonality", 3.0),
            entry("seasonal", 3.0),
            entry("chart", 2.5),
            entry("graph", 2.5),
            entry("plot", 2.5),
            entry("growing", 2.0),
            entry("steadily", 1.5),
            entry("going up", 2.0),
            entry("going down", 2.0),
            entry("rising", 1.5),
            entry("moved", 1.5),
            entry("how has", 1.5),
            entry("how have", 1.5),
            entry("momentum", 2.0),
            entry("growth", 1.0)));
    cues.put(
        Intent.COMPARISON,
        inOrder(
            entry("vs", 3.0),
            entry("versus", 3.0),
            entry("compare", 3.0),
            entry("compared", 3.0),
            entry("comparison", 3.0),
            entry("comparing", 3.0),
            entry("against", 2.0),
            entry("than", 2.5),
            entry("difference", 3.0),
            entry("relative to", 2.5),
            entry("yoy", 3.0),
            entry("year over year", 3.0),
            entry("mom", 3.0),
            entry("month over month", 3.0),
            entry("qoq", 3.0),
            entry("quarter over quarter", 3.0),
            entry("up or down", 3.0),
            entry("better or worse", 3.0),
            entry("better", 1.5),
            entry("worse", 1.5),
            entry("more", 1.0),
            entry("less", 1.0),
            entry("fewer", 1.0),
            entry("higher", 1.0),
            entry("lower", 1.0),
            entry("increase", 1.5),
            entry("increased", 1.5),
            entry("decrease", 1.5),
            entry("decreased", 1.5),
            entry("up", 1.5),
            entry("down", 1.5),
            entry("grow", 1.5),
            entry("grew", 1.5),
            entry("change", 1.5),
            entry("changed", 1.5),
            entry("improve", 1.5),
            entry("improved", 1.5),
            entry("rise", 1.0),
            entry("rose", 1.0),
            entry("growth", 1.0)));
    cues.put(
        Intent.TOP_PERFORMERS,
        inOrder(
            entry("top", 3.0),
            entry("best", 2.5),
            entry("worst", 3.0),
            entry("bottom", 3.0),
            entry("highest", 2.0),
            entry("lowest", 2.5),
            entry("most", 2.0),
            entry("least", 2.0),
            entry("biggest", 2.5),
            entry("largest", 2.5),
            entry("smallest", 2.5),
            entry("leading", 2.0),
            entry("leaders", 2.5),
            entry("leaderboard", 3.0),
            entry("rank", 3.0),
            entry("ranking", 3.0),
            entry("ranked", 3.0),
            entry("performing", 1.5),
            entry("performers", 3.0),
            entry("weakest", 2.5),
            entry("strongest", 2.5),
            entry("breakdown", 3.0),
            entry("break down", 3.0),
            entry("split", 2.0)));
    cues.put(
        Intent.FORECAST,
        inOrder(
            entry("forecast", 3.0),
            entry("forecasts", 3.0),
            entry("predict", 3.0),
            entry("prediction", 3.0),
            entry("predicted", 3.0),
            entry("projection", 3.0),
            entry("projections", 3.0),
            entry("projected", 3.0),
            entry("project", 2.0),
            entry("expect", 2.5),
            entry("expected", 2.5),
            entry("expecting", 2.5),
            entry("will", 3.0),
            entry("ll", 3.0),
            entry("going to", 2.0),
            entry("gonna", 2.0),
            entry("outlook", 3.0),
            entry("estimate", 2.5),
            entry("on track", 3.0),
            entry("on pace", 3.0),
            entry("landing", 2.0),
            entry("likely", 1.5),
            entry("anticipate", 2.5),
            entry("do you think", 1.5),
            entry("target", 1.5)));
    cues.put(
        Intent.ANOMALY_EXPLANATION,
        inOrder(
            entry("why", 3.0),
            entry("what happened", 3.0),
            entry("what caused", 3.0),
            entry("caused", 2.5),
            entry("cause", 2.0),
            entry("reason", 2.0),
            entry("reasons", 2.0),
            entry("behind", 1.5),
            entry("unusual", 3.0),
            entry("anomaly", 3.0),
            entry("anomalies", 3.0),
            entry("anomalous", 3.0),
            entry("outlier", 3.0),
            entry("outliers", 3.0),
            entry("strange", 3.0),
            entry("weird", 3.0),
            entry("odd", 2.0),
            entry("unexpected", 3.0),
            entry("suspicious", 2.0),
            entry("explain", 1.5),
            entry("drop", 1.5),
            entry("dropped", 1.5),
            entry("dip", 2.0),
            entry("dipped", 2.0),
            entry("spike", 2.5),
            entry("spiked", 2.5),
            entry("spikes", 2.5),
            entry("jump", 1.5),
            entry("jumped", 1.5),
            entry("surge", 2.0),
            entry("surged", 2.0),
            entry("plunge", 2.5),
            entry("plunged", 2.5),
            entry("plummet", 2.5),
            entry("plummeted", 2.5),
            entry("tank", 2.5),
            entry("tanked", 2.5),
            entry("crash", 2.5),
            entry("crashed", 2.5),
            entry("slump", 2.0),
            entry("shrink", 1.5),
            entry("shrank", 1.5),
            entry("so low", 2.0),
            entry("so high", 2.0),
            entry("so bad", 2.0),
            entry("so many", 1.5),
            entry("so few", 1.5),
            entry("fell", 1.0),
            entry("fall", 1.0),
            entry("decline", 1.0)));
    cues.put(
        Intent.DEFINITION,
        inOrder(
            entry("define", 3.0),
            entry("definition", 3.0),
            entry("mean", 3.0),
            entry("means", 2.0),
            entry("meaning", 3.0),
            entry("calculated", 3.0),
            entry("calculate", 2.5),
            entry("computed", 3.0),
            entry("measured", 2.5),
            entry("measure", 2.0),
            entry("count as", 3.0),
            entry("formula", 3.0),
            entry("stand for", 3.0),
            entry("stands for", 3.0)));
    cues.put(
        Intent.GREETING,
        inOrder(
            entry("hi", 3.0),
            entry("hello", 3.0),
            entry("hey", 3.0),
            entry("hiya", 3.0),
            entry("good morning", 3.0),
            entry("good afternoon", 3.0),
            entry("good evening", 3.0),
            entry("thanks", 3.0),
            entry("thank you", 3.0),
            entry("thx", 3.0),
            entry("cheers", 3.0),
            entry("bye", 3.0),
            entry("goodbye", 3.0),
            entry("see you", 3.0),
            entry("how are you", 3.0),
            entry("who are you", 3.0),
            entry("what can you do", 3.0),
            entry("what can i ask", 3.0),
            entry("what kind of questions", 3.0),
            entry("help", 2.5)));
    cues.put(
        Intent.UNKNOWN,
        inOrder(
            entry("weather", 3.0),
            entry("rain", 3.0),
            entry("funny", 3.0),
            entry("poem", 3.0),
            entry("song", 3.0),
            entry("music", 3.0),
            entry("movie", 3.0),
            entry("recipe", 3.0),
            entry("restaurant", 3.0),
            entry("flight", 3.0),
            entry("hotel", 3.0),
            entry("upload", 3.0),
            entry("csv", 3.0),
            entry("meaning of life", 6.0),
            entry("president", 3.0),
            entry("football", 3.0),
            entry("soccer", 3.0),
            entry("translate", 3.0),
            entry("schedule", 3.0),
            entry("calendar", 3.0),
            entry("email", 3.0),
            entry("office", 3.0),
            entry("delete", 3.0),
            entry("news", 3.0)));
    CUES = Collections.unmodifiableMap(cues);
  }

  /**
   * Words that ask for a change, so a comparison with one period means "against the one before".
   */
  static final Set<String> CHANGE_WORDS =
      Set.of(
          "up",
          "down",
          "grow",
          "grew",
          "growth",
          "increase",
          "increased",
          "decrease",
          "decreased",
          "decline",
          "declined",
          "change",
          "changed",
          "improve",
          "improved",
          "better",
          "worse",
          "rise",
          "rose",
          "fall",
          "fell",
          "drop",
          "dropped");

  /** Words that ask for the lowest first in a ranking. */
  static final Set<String> LOWEST =
      Set.of("bottom", "worst", "lowest", "least", "weakest", "smallest");

  /** Words that ask for a ranking, highest first. */
  static final Set<String> HIGHEST =
      Set.of(
          "top",
          "best",
          "highest",
          "most",
          "biggest",
          "largest",
          "leading",
          "strongest",
          "leaders",
          "performers");

  /**
   * Words that introduce a breakdown by the dimension after them ("by region", "which product").
   */
  static final Set<String> BREAKDOWN =
      Set.of(
          "by", "per", "each", "every", "across", "which", "what", "top", "best", "worst", "bottom",
          "rank", "biggest", "most", "lowest", "highest", "leading", "our");

  /** Plain words of questions. */
  static final Set<String> COMMON_WORDS =
      words(
          """
          a about above after again against all also am an and any anything are area as ask at away back
          be been before being below best better between big bring brings brought but by came can could
          current customer customers data day days did do does doing done down during each end ever every
          far few for from get give given go goes going good got great had has have having he help her here
          high his how i if in into is it its just keep know last late latest least less let like look
          looks lose lost lot low made make many may me mean might more most much my need new next no not
          now number of off on one only or other our out over past per period please point previous prior
          put quarter quarters rate really recent rest right same say see sell selling sells show shows
          since so some start still such take team tell than that the their them then there these they thing
          think this those through time to today too total under until up us very want was way we week weeks
          well were what whats when where which while who whom why will with within would year years yet
          you your month months half halves start beginning ago end so far date dates till thru trailing
          upcoming following coming sold generate generated generating bring made number numbers
          performing perform performed sellers seller list put first second third fourth final latter
          change music play funny something weather going come came set group groups compare across
          including include
          value values current currently pick keep steady steadily landing land hit beat miss hitting
          """);

  /** Every word the spelling corrector may correct towards, apart from the tenant's own words. */
  static Set<String> knownWords() {
    Set<String> known = new HashSet<>(COMMON_WORDS);
    CUES.values()
        .forEach(cues -> cues.keySet().forEach(cue -> known.addAll(List.of(cue.split(" ")))));
    known.addAll(
        words(
            """
            january february march april may june july august september october november december
            jan feb mar apr jun jul aug sep sept oct nov dec
            day days week weeks month months quarter quarters half halves year years today yesterday tomorrow
            this last next previous prior past trailing ytd qtd mtd since ago before end start rest
            one two three four five six seven eight nine ten eleven twelve eighteen twenty thirty
            """));
    known.addAll(CHANGE_WORDS);
    known.addAll(LOWEST);
    known.addAll(HIGHEST);
    return known;
  }

  /** The cues in the order written, so that a plan lists them the same way every time. */
  @SafeVarargs
  private static Map<String, Double> inOrder(Map.Entry<String, Double>... cues) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (Map.Entry<String, Double> cue : cues) {
      map.put(cue.getKey(), cue.getValue());
    }
    return map;
  }

  private static Set<String> words(String text) {
    return new HashSet<>(Arrays.asList(text.trim().split("\\s+")));
  }
}
