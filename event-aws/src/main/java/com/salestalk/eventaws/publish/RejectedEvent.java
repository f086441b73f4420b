package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.validation.Violation;
import java.util.List;

/**
 * An event refused by contract validation; it was not sent.
 *
 * @param eventId the envelope's eventId, or {@code null} if it had none
 * @param eventType the envelope's eventType, or {@code null} if it had none
 * @param source the envelope's source, or {@code null} if it had none
 * @param violations every violation the strict validator found
 */
public record RejectedEvent(
    String eventId, String eventType, String source, List<Violation> violations) {

  /** Copies the violations. */
  public RejectedEvent {
    violations = List.copyOf(violations);
  }

  /** The violations as {@code /pointer: message} lines. */
  public List<String> messages() {
    return violations.stream().map(Violation::toString).toList();
  }
}
