package com.salestalk.eventcontracts.catalog;

/** Thrown when an event type name breaks the naming rules; the message names the rule. */
public class InvalidEventTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the broken rule as message. */
  public InvalidEventTypeException(String message) {
    super(message);
  }
}
