package com.salestalk.chathandler.understanding;

import com.salestalk.eventcontracts.events.Intent;
import java.util.List;

/**
 * What a question asks for, before any data is read.
 *
 * @param intent the best-scoring intent
 * @param confidence the intent's share of all scores, 0..1
 * @param metrics the tenant's metric names the question names, in order
 * @param periods none, one, or two (a comparison: the period asked about, then the one it is
 *     compared with)
 * @param dimension the tenant's dimension to break down or rank by, or null
 * @param ranking top/bottom N, or null when the question does not rank
 * @param comparison the question compares two periods (or two metrics, or dimension values)
 * @param trend the question asks how a metric moved over time (month by month)
 * @param entities what was taken from which words
 * @param scores every intent that scored, best first, with its cues
 * @param clarification a question to ask back instead of answering, or null
 */
public record QueryPlan(
    Intent intent,
    double confidence,
    List<String> metrics,
    List<Period> periods,
    String dimension,
    Ranking ranking,
    boolean comparison,
    boolean trend,
    List<Entity> entities,
    List<IntentScore> scores,
    String clarification) {

  public QueryPlan {
    metrics = List.copyOf(metrics);
    periods = List.copyOf(periods);
    entities = List.copyOf(entities);
    scores = List.copyOf(scores);
  }

  /** True when the answer is {@link #clarification()}, not data. */
  public boolean needsClarification() {
    return clarification != null;
  }
}
