package com.salestalk.chathandler.understanding;

import com.salestalk.chathandler.understanding.Entity.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tenant's metric and dimension names and their synonyms as phrases of words, found in a
 * question by longest match from left to right. Names are split at anything that is not a letter or
 * digit ({@code deals_closed} is the phrase "deals closed"); plurals are folded on both sides
 * ("deal" matches "deals").
 */
final class Terms {

  /**
   * A phrase that names a metric or a dimension; {@code own}: the tenant's name itself, not a
   * synonym.
   */
  record Term(Kind kind, String name, List<String> words, List<String> stems, boolean own) {}

  /**
   * A term found at words {@code from..to} (inclusive); {@code vague}: found only through a verb
   * such as "sell", which names a metric only when the question names no other ("how many units did
   * we sell": units alone).
   */
  record Match(Kind kind, String name, int from, int to, boolean vague) {}

  private static final Set<String> VAGUE = Set.of("sell", "sold", "selling", "money");

  private final List<Term> terms;

  private Terms(List<Term> terms) {
    this.terms =
        terms.stream()
            .sorted(
                Comparator.comparingInt((Term t) -> -t.stems().size())
                    .thenComparing(t -> t.own() ? 0 : 1)
                    .thenComparing(t -> t.kind() == Kind.METRIC ? 0 : 1)
                    .thenComparing(Term::name))
            .toList();
  }

  static Terms of(
      TenantVocabulary tenant,
      Map<String, List<String>> metricSynonyms,
      Map<String, List<String>> dimensionSynonyms) {
    List<Term> terms = new ArrayList<>();
    add(terms, Kind.METRIC, tenant.metrics(), metricSynonyms);
    add(terms, Kind.DIMENSION, tenant.dimensions(), dimensionSynonyms);
    return new Terms(terms);
  }

  private static void add(
      List<Term> terms, Kind kind, Set<String> names, Map<String, List<String>> synonyms) {
    for (String name : names) {
      terms.add(term(kind, name, name, true));
      synonyms.forEach(
          (key, phrases) -> {
            if (key(key).equals(key(name))) {
              phrases.forEach(phrase -> terms.add(term(kind, name, phrase, false)));
            }
          });
    }
  }

  private static Term term(Kind kind, String name, String phrase, boolean own) {
    return new Term(
        kind, name, words(phrase), words(phrase).stream().map(Terms::stem).toList(), own);
  }

  /** Every word of every phrase, singular and plural (for the spelling corrector). */
  List<String> words() {
    List<String> words = new ArrayList<>();
    for (Term term : terms) {
      words.addAll(term.words());
      term.stems().forEach(stem -> words.add(stem + "s"));
    }
    return words;
  }

  /**
   * Longest matches, left to right, over the words not yet {@code taken}; marks the words it
   * matched.
   */
  List<Match> find(List<String> words, boolean[] taken) {
    List<String> stems = words.stream().map(Terms::stem).toList();
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < stems.size()) {
      Term found = null;
      for (Term term : terms) {
        if (matchesAt(term.stems(), stems, taken, i)) {
          found = term;
          break;
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      int to = i + found.stems().size() - 1;
      boolean vague =
          !found.own() && found.words().size() == 1 && VAGUE.contains(found.words().get(0));
      matches.add(new Match(found.kind(), found.name(), i, to, vague));
      Arrays.fill(taken, i, to + 1, true);
      i = to + 1;
    }
    boolean specific = matches.stream().anyMatch(m -> m.kind() == Kind.METRIC && !m.vague());
    return specific ? matches.stream().filter(m -> !m.vague()).toList() : matches;
  }

  private static boolean matchesAt(
      List<String> phrase, List<String> stems, boolean[] taken, int at) {
    if (at + phrase.size() > stems.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (taken[at + k] || !phrase.get(k).equals(stems.get(at + k))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String phrase) {
    return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty())
        .toList();
  }

  /**
   * A crude singular: "deals" → "deal", "categories" → "category"; "sales" → "sale" on both sides
   * alike.
   */
  static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3
        && word.endsWith("s")
        && !word.endsWith("ss")
        && !word.endsWith("us")
        && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static String key(String name) {
    return String.join("_", words(name).stream().map(Terms::stem).toList());
  }
}
