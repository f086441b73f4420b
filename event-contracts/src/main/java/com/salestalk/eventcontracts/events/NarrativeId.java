package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a generated narrative; JSON form: the plain string. */
public record NarrativeId(@JsonValue String value) {

  /** Requires a non-empty value. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public NarrativeId {
    Components.requiredText(value, "narrative id");
  }
}
