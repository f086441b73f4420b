package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a chat session ended. */
public enum CompletionReason {
  USER_ENDED,
  IDLE_TIMEOUT;

  /** The JSON form, e.g. {@code idle_timeout}; also read back by Jackson. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
