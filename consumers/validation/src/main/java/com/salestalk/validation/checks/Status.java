package com.salestalk.validation.checks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The verdict of a report. */
public enum Status {
  /** Every check passed. */
  PASSED("passed"),
  /** Only checks of severity {@link Severity#WARNING} did not pass. */
  WARNINGS("warnings"),
  /** A check of severity {@link Severity#FAILURE} did not pass. */
  FAILED("failed");

  private final String id;

  Status(String id) {
    this.id = id;
  }

  /** The JSON form. */
  @JsonValue
  public String id() {
    return id;
  }

  /** The status of these results. */
  public static Status of(List<CheckResult> checks) {
    boolean warned = false;
    for (CheckResult check : checks) {
      if (!check.passed()) {
        if (check.severity() == Severity.FAILURE) {
          return FAILED;
        }
        warned = true;
      }
    }
    return warned ? WARNINGS : PASSED;
  }
}
