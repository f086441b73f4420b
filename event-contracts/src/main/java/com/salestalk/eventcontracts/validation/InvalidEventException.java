package com.salestalk.eventcontracts.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an event that must be valid is not; carries every violation. */
public class InvalidEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /** Creates the exception from the validator's violations. */
  public InvalidEventException(List<Violation> violations) {
    super(
        "invalid event: "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation of the event. */
  public List<Violation> violations() {
    return violations;
  }
}
