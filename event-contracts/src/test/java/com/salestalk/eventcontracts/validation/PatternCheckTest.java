package com.salestalk.eventcontracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every pattern of the catalog's schemas runs as a DFA, and the DFA agrees with Java's regex (for
 * strings without line terminators) and never accepts what networknt rejects: on strings walked out
 * of the automaton itself, their one-character mutations, and random strings.
 */
class PatternCheckTest {

  private static final String NOISE = "aZz09-_.:;=é\u00a0 \n\r\t\uD83D\uDE00\u2028";

  static List<String> catalogPatterns() {
    TreeSet<String> patterns = new TreeSet<>();
    collect(EnvelopeJson.readResource(SchemaSet.ENVELOPE_RESOURCE).orElseThrow(), patterns);
    EventCatalog catalog = EventCatalog.standard();
    for (CatalogEntry entry : catalog.entries()) {
      for (Revision revision : entry.revisions()) {
        collect(
            EnvelopeJson.readResource(EventCatalog.schemaResource(entry.type(), revision))
                .orElseThrow(),
            patterns);
      }
    }
    assertThat(patterns).hasSizeGreaterThan(8);
    return List.copyOf(patterns);
  }

  @ParameterizedTest
  @MethodSource("catalogPatterns")
  void catalogPatternRunsAsADfaThatAgreesWithJavaAndNetworknt(String regex) {
    Automaton automaton = PatternCheck.automaton(regex).orElseThrow();
    Pattern java = Pattern.compile(regex);
    Predicate<String> check = PatternCheck.of(regex);
    Schema networknt = networkntSchema(regex);
    String alphabet = alphabetOf(regex) + NOISE;
    Random random = new Random(regex.hashCode());
    int matched = 0;

    for (int i = 0; i < 1500; i++) {
      String walked = walk(automaton, random);
      for (String text :
          List.of(
              walked,
              mutate(walked, alphabet, random),
              mutate(mutate(walked, alphabet, random), alphabet, random),
              randomText(alphabet, random))) {
        boolean javaFinds = java.matcher(text).find();
        if (text.chars().noneMatch(c -> "\n\r\u0085\u2028\u2029".indexOf(c) >= 0)) {
          assertThat(check.test(text)).as("%s on %s", regex, text).isEqualTo(javaFinds);
        }
        if (check.test(text)) {
          matched++;
          assertThat(networknt.validate(JsonNodeFactory.instance.stringNode(text)))
              .as("networknt %s on %s", regex, text)
              .isEmpty();
        }
      }
    }
    assertThat(matched).as("strings that matched %s", regex).isGreaterThan(500);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^a|b$", // the anchors bind to the alternatives, not the whole
        "^\\d+$", // Java's \d and friends
        "^.{1,3}$", // . counts code points in Java
        "^[^a]+$", // so do negated classes
        "^a++$", // possessive
        "^[a-z&&[^b]]+$", // class intersection
        "^(?i)abc$", // flags
        "abc", // unanchored: Java's find
        "^a\\1$", // back reference
        "^é$" // non-ASCII
      })
  void patternsOutsideTheSubsetAreLeftToJavaRegex(String regex) {
    assertThat(PatternCheck.automaton(regex)).isEmpty();
  }

  @Test
  void patternsOutsideTheSubsetStillAnswerAsJavaFindDoes() {
    assertThat(PatternCheck.of("abc").test("xxabcxx")).isTrue();
    assertThat(PatternCheck.of("^\\d{2}$").test("42")).isTrue();
    assertThat(PatternCheck.of("^\\d{2}$").test("4")).isFalse();
  }

  @Test
  void aLiteralPatternMatchesExactlyItsText() {
    assertThat(PatternCheck.automaton("^UTC$")).isPresent();
    assertThat(PatternCheck.of("^UTC$").test("UTC")).isTrue();
    assertThat(PatternCheck.of("^UTC$").test("UTCx")).isFalse();
    assertThat(PatternCheck.of("^UTC$").test("")).isFalse();
  }

  @Test
  void aLineTerminatorIsNeverACertainMatch() {
    assertThat(PatternCheck.of("^[a-z]+$").test("abc")).isTrue();
    assertThat(PatternCheck.of("^[a-z]+$").test("abc\n")).isFalse();
    assertThat(PatternCheck.of("abc").test("abc\n")).isFalse();
  }

  private static void collect(JsonNode schema, TreeSet<String> patterns) {
    if (schema.isObject()) {
      JsonNode pattern = schema.get("pattern");
      if (pattern != null && pattern.isString()) {
        patterns.add(pattern.asString());
      }
      schema.values().forEach(child -> collect(child, patterns));
    } else if (schema.isArray()) {
      schema.values().forEach(child -> collect(child, patterns));
    }
  }

  private static Schema networkntSchema(String regex) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(
            JsonNodeFactory.instance.objectNode().put("type", "string").put("pattern", regex));
  }

  /** A random accepted-or-not path through the automaton, stopping at accept states at random. */
  private static String walk(Automaton automaton, Random random) {
    StringBuilder text = new StringBuilder();
    State state = automaton.getInitialState();
    for (int step = 0; step < 200; step++) {
      if (state.isAccept() && random.nextInt(8) == 0) {
        break;
      }
      List<Transition> transitions = new ArrayList<>(state.getTransitions());
      if (transitions.isEmpty()) {
        break;
      }
      Transition transition = transitions.get(random.nextInt(transitions.size()));
      text.append(
          (char)
              (transition.getMin()
                  + random.nextInt(transition.getMax() - transition.getMin() + 1)));
      state = transition.getDest();
    }
    return text.toString();
  }

  private static String mutate(String text, String alphabet, Random random) {
    StringBuilder mutated = new StringBuilder(text);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    switch (random.nextInt(3)) {
      case 0 -> mutated.insert(at, c);
      case 1 -> {
        if (at < mutated.length()) {
          mutated.deleteCharAt(at);
        }
      }
      default -> {
        if (at < mutated.length()) {
          mutated.setCharAt(at, c);
        }
      }
    }
    return mutated.toString();
  }

  private static String randomText(String alphabet, Random random) {
    int length = random.nextInt(140);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String alphabetOf(String regex) {
    StringBuilder alphabet = new StringBuilder();
    regex.chars().filter(Character::isLetterOrDigit).forEach(c -> alphabet.append((char) c));
    return alphabet + "-_.";
  }
}
