package com.salestalk.eventcontracts.validation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of validating one event.
 *
 * @param violations every violation found; empty when valid
 * @param tree the parsed event, or {@code null} when it was not parseable JSON
 */
public record ValidationResult(List<Violation> violations, JsonNode tree) {

  /** Copies the list. */
  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** Whether the event is valid. */
  public boolean valid() {
    return violations.isEmpty();
  }
}
