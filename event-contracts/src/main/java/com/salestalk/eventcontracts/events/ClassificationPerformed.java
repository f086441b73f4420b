package com.salestalk.eventcontracts.events;

import static com.salestalk.eventcontracts.events.Components.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data of {@code classification.performed.v1}: a chat message was classified into an intent
 * with entities.
 *
 * @param messageId the classified message
 * @param utterance what the user wrote
 * @param intent the intent found
 * @param confidence how sure the classifier is, 0 to 1
 * @param entities what the message names, or {@code null}
 * @param classifier the classifier that ran
 * @param latencyMs how long classification took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventContract("classification.performed.v1")
public record ClassificationPerformed(
    MessageId messageId,
    String utterance,
    Intent intent,
    double confidence,
    Entities entities,
    Component classifier,
    long latencyMs)
    implements EventPayload {

  /** Requires every property the schema requires. */
  public ClassificationPerformed {
    required(messageId, "messageId");
    required(utterance, "utterance");
    required(intent, "intent");
    required(classifier, "classifier");
  }

  /**
   * What a message names; every part is optional.
   *
   * @param metrics metric names, or {@code null}
   * @param period the period asked about, or {@code null}
   * @param dimensions dimension filters such as {@code region → EMEA}, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entities(List<String> metrics, Period period, Map<String, String> dimensions) {

    /** Copies the collections. */
    public Entities {
      metrics = Components.copyOf(metrics);
      dimensions = Components.copyOf(dimensions);
    }
  }

  /**
   * A period of days.
   *
   * @param start first day
   * @param end last day
   * @param label how the user named it, e.g. {@code Q3 2026}, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Period(LocalDate start, LocalDate end, String label) {

    /** Requires both days. */
    public Period {
      required(start, "start");
      required(end, "end");
    }
  }
}
