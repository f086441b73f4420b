package com.salestalk.eventaws.consume;

/**
 * Thrown by a handler when its event can never be handled, however often it is delivered: the data
 * the event points to is broken (e.g. an upload's object is not what its producer writes). The kit
 * sends the message to the queue's DLQ at once with this exception's message as the {@code
 * salestalk-dlq-reason}, releases the event's lease (so a redrive after a fix handles it again) and
 * counts it in {@code salestalk.consume.invalid}; nothing of the handler's {@link Effects} is
 * written. Any other exception is a failure SQS redelivers.
 */
public class UnprocessableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param reason why the event cannot be handled, precise enough to fix it (it is the DLQ reason)
   */
  public UnprocessableEventException(String reason) {
    super(reason);
  }

  /**
   * @param reason why the event cannot be handled (the DLQ reason)
   * @param cause what found it
   */
  public UnprocessableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
