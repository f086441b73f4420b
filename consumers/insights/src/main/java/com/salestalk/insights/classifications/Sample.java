package com.salestalk.insights.classifications;

import com.salestalk.eventcontracts.events.Component;
import com.salestalk.eventcontracts.events.Intent;
import java.time.Instant;
import java.util.List;

/**
 * An utterance the classifier did not know or was unsure about: material for improving it.
 *
 * @param timestamp when it was classified (the event's timestamp)
 * @param messageId the chat message
 * @param utterance what the user wrote
 * @param intent the intent found
 * @param confidence how sure the classifier was
 * @param reasons why it is a sample: {@code unknown_intent}, {@code low_confidence} or both
 * @param classifier the classifier that ran
 */
record Sample(
    Instant timestamp,
    String messageId,
    String utterance,
    Intent intent,
    double confidence,
    List<String> reasons,
    Component classifier) {

  /** The intent was {@code unknown}. */
  static final String UNKNOWN_INTENT = "unknown_intent";

  /** The confidence was below the threshold. */
  static final String LOW_CONFIDENCE = "low_confidence";

  Sample {
    reasons = List.copyOf(reasons);
  }
}
