package com.salestalk.eventaws.consume;

/**
 * How one message ended (handler failures are thrown instead, so SQS redelivers).
 *
 * @param status what happened
 * @param eventId the event's id, or {@code null} if the message had none
 * @param eventType the event's type as a metric tag ({@code unknown} if not in the catalog)
 * @param reason why the message is invalid; {@code null} otherwise
 */
public record ConsumeOutcome(Status status, String eventId, String eventType, String reason) {

  /** What happened to a message. */
  public enum Status {
    /** The handler ran and returned normally. */
    PROCESSED,
    /** The eventId was already done; the handler did not run. */
    DUPLICATE,
    /**
     * Not a valid event (unparseable, invalid, no handler), or one its handler declared
     * unprocessable; it belongs in the DLQ.
     */
    INVALID
  }
}
