package com.salestalk.eventaws.consume;

/** A handler failed; the message is not acknowledged, so SQS redelivers it. */
final class EventHandlingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause the handler's exception
   */
  EventHandlingException(String message, Throwable cause) {
    super(message, cause);
  }
}
