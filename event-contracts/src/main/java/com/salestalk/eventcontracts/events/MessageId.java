package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a chat message; JSON form: the plain string. */
public record MessageId(@JsonValue String value) {

  /** Requires a non-empty value. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public MessageId {
    Components.requiredText(value, "message id");
  }
}
