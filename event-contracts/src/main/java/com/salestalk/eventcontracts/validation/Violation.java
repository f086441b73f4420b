package com.salestalk.eventcontracts.validation;

/**
 * One way an event breaks its contract.
 *
 * @param pointer JSON pointer of the offending value; {@code ""} is the whole event
 * @param message what is wrong, in words
 */
public record Violation(String pointer, String message) {

  /** {@code /pointer: message}, with {@code /} standing for the whole event. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
