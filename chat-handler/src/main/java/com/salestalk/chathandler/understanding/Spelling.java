package com.salestalk.chathandler.understanding;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * Corrects small typos towards the words the rules know (the lexicon's and the tenant's metric and
 * dimension words). Distance is the optimal string alignment distance (restricted
 * Damerau-Levenshtein: insertion, deletion, substitution, and transposition of two adjacent letters
 * each count 1). Words of 1 to 3 letters must match exactly, 4 to 7 letters may be 1 edit away, 8
 * or more letters 2 edits. A word the rules know, or any word with a digit, is left alone; among
 * equally close candidates the one sharing the first letter wins, then the alphabetically first.
 */
final class Spelling {

  private final Set<String> known;

  Spelling(Collection<String> known) {
    this.known = new HashSet<>(known);
  }

  String correct(String word) {
    if (word.length() <= 3 || known.contains(word) || !word.chars().allMatch(Character::isLetter)) {
      return word;
    }
    int limit = allowedEdits(word);
    return known.stream()
        .filter(candidate -> Math.abs(candidate.length() - word.length()) <= limit)
        .filter(candidate -> candidate.length() > 3)
        .map(candidate -> new Candidate(candidate, distance(word, candidate)))
        .filter(candidate -> candidate.distance() <= limit)
        .min(
            Comparator.comparingInt(Candidate::distance)
                .thenComparing(c -> c.word().charAt(0) == word.charAt(0) ? 0 : 1)
                .thenComparing(Candidate::word))
        .map(Candidate::word)
        .orElse(word);
  }

  static int allowedEdits(String word) {
    return word.length() <= 3 ? 0 : word.length() <= 7 ? 1 : 2;
  }

  /** Optimal string alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private record Candidate(String word, int distance) {}
}
