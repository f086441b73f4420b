package com.salestalk.eventaws.consume;

/**
 * The delivery's lease passed to another delivery (it expired and was taken over) before the
 * handler's effect was committed: nothing of this delivery's effect was written, and its message is
 * left for SQS to deliver again (then a duplicate, or handled afresh).
 */
final class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param key the idempotency key whose lease was lost
   * @param cause DynamoDB's failed condition
   */
  LeaseLostException(String key, Throwable cause) {
    super(
        "the lease of "
            + key
            + " passed to another delivery; this delivery's effect was not written",
        cause);
  }
}
