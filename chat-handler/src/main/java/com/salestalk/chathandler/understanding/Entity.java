package com.salestalk.chathandler.understanding;

/**
 * Something the plan took from the question, with the words it came from (empty when the plan
 * supplied it as a default, e.g. the last 12 months of a trend).
 */
public record Entity(Kind kind, String value, String words) {

  /** What the entity is. */
  public enum Kind {
    METRIC,
    DIMENSION,
    PERIOD,
    RANKING
  }
}
