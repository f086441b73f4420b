package com.salestalk.eventcontracts.validation;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A schema {@code pattern} as a check that is certain when it says "matches". Anchored patterns in
 * the plain subset the contracts use ({@code ^...$} over ASCII literals, escaped punctuation,
 * character classes, groups and quantifiers) become a minimal DFA (built by dk.brics.automaton) run
 * from an ASCII transition table, without backtracking or allocation; any other pattern runs on
 * {@link Pattern} with find, as networknt does. Strings with a line terminator never "certainly"
 * match: that is where Java's {@code $} and ECMA-262's differ, so they are left to networknt.
 */
final class PatternCheck {

  private PatternCheck() {}

  /** The check for a schema pattern. */
  static Predicate<String> of(String regex) {
    Optional<Automaton> automaton = automaton(regex);
    if (automaton.isPresent()) {
      AsciiDfa dfa = new AsciiDfa(automaton.get());
      return dfa::matches; // ASCII only, so a line terminator never matches
    }
    Pattern pattern = Pattern.compile(regex);
    return text -> !hasLineTerminator(text) && pattern.matcher(text).find();
  }

  /**
   * The DFA of {@code ^inner$} (or {@code ^a$|^b$}) when each inner part is in the subset where
   * Java's find and a full DFA match agree on strings without line terminators: no other top-level
   * alternation (that would scope the anchors), no {@code .}, no negated classes or Java escapes
   * such as {@code \d} (which count code points, not chars), ASCII only.
   */
  static Optional<Automaton> automaton(String regex) {
    List<String> alternatives = topLevelAlternatives(regex);
    StringBuilder union = new StringBuilder();
    for (String alternative : alternatives) {
      if (alternative.length() < 2
          || alternative.charAt(0) != '^'
          || !alternative.endsWith("$")
          || alternative.endsWith("\\$")) {
        return Optional.empty();
      }
      String inner = alternative.substring(1, alternative.length() - 1);
      if (!inSubset(inner)) {
        return Optional.empty();
      }
      union.append(union.isEmpty() ? "(" : "|(").append(inner).append(')');
    }
    try {
      return Optional.of(new RegExp(union.toString(), RegExp.NONE).toAutomaton());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The pattern split at each {@code |} outside groups, classes and escapes. */
  private static List<String> topLevelAlternatives(String regex) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        alternatives.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(regex.substring(start));
    return alternatives;
  }

  private static boolean inSubset(String inner) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c > 0x7e || c < 0x20) {
        return false;
      }
      if (c == '\\') {
        // only escaped punctuation, which means itself in both dialects
        if (i + 1 >= inner.length() || Character.isLetterOrDigit(inner.charAt(i + 1))) {
          return false;
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == '[' || c == '&' || (c == '^' && inner.charAt(i - 1) == '[')) {
          return false; // nested, intersected or negated class
        }
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      switch (c) {
        case '[' -> inClass = true;
        case '(' -> {
          if (i + 1 < inner.length() && inner.charAt(i + 1) == '?') {
            return false; // (?: (?= (?i) and friends
          }
          depth++;
        }
        case ')' -> depth--;
        case '|' -> {
          if (depth == 0) {
            return false;
          }
        }
        case '.', '^', '$', '&', '~', '#', '@', '"', '<', '>' -> {
          return false;
        }
        case '+' -> {
          if (i > 0 && "*+?}".indexOf(inner.charAt(i - 1)) >= 0) {
            return false; // possessive in Java, plain repetition to the DFA
          }
        }
        default -> {
          // literal or quantifier
        }
      }
    }
    return depth == 0 && !inClass;
  }

  /**
   * A minimal DFA over ASCII as a transition table: one array load per character. The subset is
   * ASCII-only, so any other character rejects.
   */
  private static final class AsciiDfa {
    private final int[][] next;
    private final boolean[] accept;
    private final int initial;

    AsciiDfa(Automaton automaton) {
      automaton.minimize();
      List<State> states = new ArrayList<>(automaton.getStates());
      Map<State, Integer> index = new HashMap<>();
      for (State state : states) {
        index.put(state, index.size());
      }
      next = new int[states.size()][128];
      accept = new boolean[states.size()];
      for (State state : states) {
        int from = index.get(state);
        Arrays.fill(next[from], -1);
        accept[from] = state.isAccept();
        for (Transition transition : state.getTransitions()) {
          for (int c = transition.getMin(); c <= Math.min(transition.getMax(), 127); c++) {
            next[from][c] = index.get(transition.getDest());
          }
        }
      }
      initial = index.get(automaton.getInitialState());
    }

    boolean matches(String text) {
      int state = initial;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c > 127) {
          return false;
        }
        state = next[state][c];
        if (state < 0) {
          return false;
        }
      }
      return accept[state];
    }
  }

  private static boolean hasLineTerminator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
