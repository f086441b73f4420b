package com.salestalk.validation.checks;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a check that did not pass does to the report's status. */
public enum Severity {
  /** The upload's numbers are wrong somewhere: the report is {@code failed}. */
  FAILURE("failure"),
  /** Worth a look, the numbers may still be right: the report has {@code warnings}. */
  WARNING("warning");

  private final String id;

  Severity(String id) {
    this.id = id;
  }

  /** The JSON form. */
  @JsonValue
  public String id() {
    return id;
  }
}
