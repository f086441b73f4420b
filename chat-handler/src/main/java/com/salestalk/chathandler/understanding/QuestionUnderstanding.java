package com.salestalk.chathandler.understanding;

import com.salestalk.chathandler.understanding.Entity.Kind;
import com.salestalk.chathandler.understanding.PeriodGrammar.Mention;
import com.salestalk.chathandler.understanding.Words.Word;
import com.salestalk.eventcontracts.events.Intent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a question into a {@link QueryPlan}: deterministic (same question, tenant and day: same
 * plan), explainable (every entity names the words it came from, every intent score its cues) and
 * measured against the labelled questions in the tests. Structure first, words last: the tenant's
 * metric and dimension names and the period grammar are found first; the intent is then scored from
 * cue words and from what was found.
 */
public final class QuestionUnderstanding {

  private static final Set<String> KNOWN_WORDS = Lexicon.knownWords();
  private static final Set<Intent> NEED_A_METRIC =
      EnumSet.of(
          Intent.METRIC_LOOKUP,
          Intent.TREND_ANALYSIS,
          Intent.COMPARISON,
          Intent.TOP_PERFORMERS,
          Intent.FORECAST,
          Intent.ANOMALY_EXPLANATION,
          Intent.DEFINITION);
  private static final Set<String> OWN =
      Set.of("our", "my", "we", "us", "total", "current", "this");

  private final UnderstandingProperties properties;
  private final Clock clock;
  private final PeriodGrammar grammar = new PeriodGrammar();

  /** Resolves periods with {@code clock}'s instant in each tenant's timezone. */
  public QuestionUnderstanding(UnderstandingProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The plan for {@code question} as {@code tenant} asks it now. */
  public QueryPlan understand(String question, TenantVocabulary tenant) {
    LocalDate today = LocalDate.now(clock.withZone(tenant.timezone()));
    List<Word> original = Words.split(question);
    Terms terms = Terms.of(tenant, properties.metricSynonyms(), properties.dimensionSynonyms());
    Set<String> known = new HashSet<>(KNOWN_WORDS);
    known.addAll(terms.words());
    Spelling spelling = new Spelling(known);
    List<String> words = original.stream().map(word -> spelling.correct(word.text())).toList();

    List<Mention> mentions = grammar.find(words, today);
    boolean[] taken = new boolean[words.size()];
    mentions.forEach(mention -> Arrays.fill(taken, mention.from(), mention.to() + 1, true));
    List<Terms.Match> found = terms.find(words, taken);
    List<Terms.Match> metricMatches = found.stream().filter(m -> m.kind() == Kind.METRIC).toList();
    Terms.Match dimensionMatch =
        found.stream().filter(m -> m.kind() == Kind.DIMENSION).findFirst().orElse(null);
    List<String> metrics =
        List.copyOf(new LinkedHashSet<>(metricMatches.stream().map(Terms.Match::name).toList()));

    PeriodPlanner planner =
        new PeriodPlanner(
            mentions, words, today, (from, to) -> quote(question, original, from, to));
    boolean anyPeriod = mentions.stream().anyMatch(m -> m.kind() == PeriodGrammar.Kind.PERIOD);
    boolean changeWord = words.stream().anyMatch(Lexicon.CHANGE_WORDS::contains);
    IntentScorer.Features features =
        new IntentScorer.Features(
            !metrics.isEmpty(),
            anyPeriod,
            planner.twoPeriods(),
            planner.comparisonMarker(),
            planner.range() && changeWord,
            anyPeriod && changeWord && !planner.range(),
            mentions.stream()
                .anyMatch(m -> m.period() != null && m.period().start().isAfter(today)),
            dimensionMatch != null,
            dimensionMatch != null && asked(words, dimensionMatch),
            !anyPeriod && whatIs(words, metricMatches),
            explains(words, metricMatches));
    List<IntentScore> scores = IntentScorer.score(words, features);
    Intent intent = scores.get(0).intent();
    double total = scores.stream().mapToDouble(IntentScore::score).sum();
    double confidence = round(scores.get(0).score() / total);

    String dimension = dimensionMatch == null ? null : dimensionMatch.name();
    PeriodPlanner.Planned planned =
        planner.plan(intent, changeWord, metrics.size() > 1 || dimension != null);
    Ranking ranking = intent == Intent.TOP_PERFORMERS ? ranking(words) : null;

    List<Entity> entities = new ArrayList<>();
    for (Terms.Match match : found) {
      if (match.kind() == Kind.METRIC || match == dimensionMatch) {
        entities.add(
            new Entity(
                match.kind(), match.name(), quote(question, original, match.from(), match.to())));
      }
    }
    for (int i = 0; i < planned.periods().size(); i++) {
      entities.add(new Entity(Kind.PERIOD, planned.periods().get(i).iso(), planned.words().get(i)));
    }
    String rankingWords = ranking == null ? "" : rankingWords(question, original, words);
    if (!rankingWords.isEmpty()) {
      entities.add(new Entity(Kind.RANKING, describe(ranking), rankingWords));
    }

    String clarification =
        clarification(intent, scores, total, metrics, dimension, planned, tenant);
    boolean trend =
        intent == Intent.TREND_ANALYSIS
            || scores.stream()
                .anyMatch(s -> s.intent() == Intent.TREND_ANALYSIS && s.score() >= 2.5);
    return new QueryPlan(
        intent,
        confidence,
        metrics,
        planned.periods(),
        dimension,
        ranking,
        intent == Intent.COMPARISON || planned.periods().size() == 2,
        trend,
        entities,
        scores,
        clarification);
  }

  private String clarification(
      Intent intent,
      List<IntentScore> scores,
      double total,
      List<String> metrics,
      String dimension,
      PeriodPlanner.Planned planned,
      TenantVocabulary tenant) {
    String metric = metrics.isEmpty() ? null : metrics.get(0);
    IntentScore runnerUp =
        scores.stream().skip(1).filter(s -> s.intent() != Intent.UNKNOWN).findFirst().orElse(null);
    if (intent != Intent.UNKNOWN
        && runnerUp != null
        && (scores.get(0).score() - runnerUp.score()) / total < properties.clarifyMargin()) {
      return Clarifications.whichIntent(intent, runnerUp.intent(), metric, dimension);
    }
    if (NEED_A_METRIC.contains(intent) && metrics.isEmpty()) {
      return Clarifications.whichMetric(tenant.metrics());
    }
    if (intent == Intent.TOP_PERFORMERS && dimension == null) {
      return Clarifications.whichDimension(tenant.dimensions());
    }
    if (intent == Intent.COMPARISON && planned.missingComparand()) {
      return planned.periods().isEmpty()
          ? Clarifications.whichPeriods()
          : Clarifications.whichComparand(planned.periods().get(0));
    }
    return null;
  }

  /**
   * "by region", "which product", "top 5 reps", "who": the question asks for the dimension's
   * values.
   */
  private static boolean asked(List<String> words, Terms.Match dimension) {
    if (words.get(dimension.from()).equals("who")) {
      return true;
    }
    for (int at = dimension.from() - 1; at >= 0 && at >= dimension.from() - 2; at--) {
      String word = words.get(at);
      if (Lexicon.BREAKDOWN.contains(word)) {
        return true;
      }
      if (!isNumber(word) && !word.equals("the")) {
        return false;
      }
    }
    return false;
  }

  /** "what is win rate", "whats a lead", "what are refunds" (but not "what is our win rate"). */
  private static boolean whatIs(List<String> words, List<Terms.Match> metrics) {
    if (metrics.isEmpty() || words.stream().anyMatch(OWN::contains)) {
      return false;
    }
    int at = metrics.get(0).from() - 1;
    while (at >= 0 && Set.of("a", "an", "the").contains(words.get(at))) {
      at--;
    }
    String before = at >= 1 ? words.get(at - 1) + " " + words.get(at) : at == 0 ? words.get(0) : "";
    return Set.of("what is", "what s", "whats", "what are").contains(before)
        || at >= 0 && words.get(at).equals("whats");
  }

  /** "explain deals closed", "define churn". */
  private static boolean explains(List<String> words, List<Terms.Match> metrics) {
    if (metrics.isEmpty()) {
      return false;
    }
    int at = metrics.get(0).from() - 1;
    while (at >= 0 && Set.of("a", "an", "the", "what").contains(words.get(at))) {
      at--;
    }
    return at >= 0 && Set.of("explain", "define").contains(words.get(at));
  }

  /** "top 5", "bottom three", "3 biggest": how many and which end. */
  private static Ranking ranking(List<String> words) {
    boolean lowest = words.stream().anyMatch(Lexicon.LOWEST::contains);
    Integer limit = null;
    for (int i = 0; i < words.size() && limit == null; i++) {
      if (Lexicon.HIGHEST.contains(words.get(i)) || Lexicon.LOWEST.contains(words.get(i))) {
        if (i + 1 < words.size() && isNumber(words.get(i + 1))) {
          limit = number(words.get(i + 1));
        } else if (i > 0 && isNumber(words.get(i - 1))) {
          limit = number(words.get(i - 1));
        }
      }
    }
    return new Ranking(limit, lowest);
  }

  private static String rankingWords(String question, List<Word> original, List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (Lexicon.HIGHEST.contains(words.get(i)) || Lexicon.LOWEST.contains(words.get(i))) {
        int from = i > 0 && isNumber(words.get(i - 1)) ? i - 1 : i;
        int to = i + 1 < words.size() && isNumber(words.get(i + 1)) ? i + 1 : i;
        return quote(question, original, from, to);
      }
    }
    return "";
  }

  private static String describe(Ranking ranking) {
    String end = ranking.lowestFirst() ? "bottom" : "top";
    return ranking.limit() == null ? end : end + " " + ranking.limit();
  }

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  private static boolean isNumber(String word) {
    return word.matches("\\d{1,3}") || NUMBER_WORDS.contains(word);
  }

  private static int number(String word) {
    return word.matches("\\d+") ? Integer.parseInt(word) : NUMBER_WORDS.indexOf(word);
  }

  private static String quote(String question, List<Word> words, int from, int to) {
    return question.substring(words.get(from).start(), words.get(to).end());
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
