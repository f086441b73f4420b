package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a CSV upload; JSON form: the plain string. */
public record UploadId(@JsonValue String value) {

  /** Requires a non-empty value. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UploadId {
    Components.requiredText(value, "upload id");
  }
}
