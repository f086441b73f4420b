package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a chat message asks for, as classified by the chat handler. */
public enum Intent {
  METRIC_LOOKUP,
  TREND_ANALYSIS,
  COMPARISON,
  TOP_PERFORMERS,
  FORECAST,
  ANOMALY_EXPLANATION,
  DEFINITION,
  GREETING,
  UNKNOWN;

  /** The JSON form, e.g. {@code metric_lookup}; also read back by Jackson. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
