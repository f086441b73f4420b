package com.salestalk.eventaws.consume;

/**
 * Another delivery of the same event holds its lease; the message is left for SQS to deliver again
 * after its visibility timeout.
 */
final class EventInProgressException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param key the idempotency key that is held
   */
  EventInProgressException(String key) {
    super("event " + key + " is being processed by another delivery; leaving it for redelivery");
  }
}
