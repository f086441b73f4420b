package com.salestalk.eventcontracts.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event type name of the form {@code {domain}.{action}.v{N}}: domain a lowercase noun, action a
 * lowercase past-tense verb, N a major version of at least 1.
 *
 * <p>Past tense is checked by spelling: a regular verb ends in {@code -ed}; irregular participles
 * must be listed in {@link #IRREGULAR_PAST_PARTICIPLES}, so adding one is a reviewed change.
 */
public record EventType(String domain, String action, int major) {

  /** Irregular past participles accepted as actions, in addition to words ending in {@code -ed}. */
  public static final Set<String> IRREGULAR_PAST_PARTICIPLES =
      Set.of(
          "begun",
          "bought",
          "built",
          "chosen",
          "done",
          "drawn",
          "found",
          "frozen",
          "given",
          "held",
          "kept",
          "known",
          "left",
          "lost",
          "made",
          "met",
          "paid",
          "put",
          "read",
          "run",
          "seen",
          "sent",
          "set",
          "shown",
          "sold",
          "spent",
          "split",
          "taken",
          "thrown",
          "understood",
          "won",
          "written");

  private static final Pattern SHAPE = Pattern.compile("([^.]*)\\.([^.]*)\\.([^.]*)");
  private static final Pattern WORD = Pattern.compile("[a-z]+");
  private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,5})");

  /** Validates the parts; use {@link #parse(String)} for text. */
  public EventType {
    if (domain == null || !WORD.matcher(domain).matches()) {
      throw new InvalidEventTypeException("domain '" + domain + "' must be lowercase letters a-z");
    }
    if (action == null || !WORD.matcher(action).matches()) {
      throw new InvalidEventTypeException("action '" + action + "' must be lowercase letters a-z");
    }
    if (!isPastTense(action)) {
      throw new InvalidEventTypeException(
          "action '"
              + action
              + "' must be a past-tense verb (ending in -ed or a listed irregular participle)");
    }
    if (major < 1) {
      throw new InvalidEventTypeException("version must be v1 or higher, got v" + major);
    }
  }

  /**
   * Parses {@code domain.action.vN}.
   *
   * @throws InvalidEventTypeException naming the rule the text breaks
   */
  @JsonCreator
  public static EventType parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidEventTypeException("event type is empty");
    }
    if (text.length() > 100) {
      throw new InvalidEventTypeException("event type is longer than 100 characters");
    }
    Matcher shape = SHAPE.matcher(text);
    if (!shape.matches()) {
      throw new InvalidEventTypeException(
          "event type '" + text + "' must have exactly three parts: {domain}.{action}.v{N}");
    }
    Matcher version = VERSION.matcher(shape.group(3));
    if (!version.matches()) {
      throw new InvalidEventTypeException(
          "event type '"
              + text
              + "' must end in a version v{N} with N >= 1, got '"
              + shape.group(3)
              + "'");
    }
    return new EventType(shape.group(1), shape.group(2), Integer.parseInt(version.group(1)));
  }

  /** Whether {@code action} is spelled as a past-tense verb. */
  public static boolean isPastTense(String action) {
    return (action.length() > 3 && action.endsWith("ed"))
        || IRREGULAR_PAST_PARTICIPLES.contains(action);
  }

  /** The same domain and action one major version later. */
  public EventType successor() {
    return new EventType(domain, action, major + 1);
  }

  @JsonValue
  @Override
  public String toString() {
    return domain + "." + action + ".v" + major;
  }
}
