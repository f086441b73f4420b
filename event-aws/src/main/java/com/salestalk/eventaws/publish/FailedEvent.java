package com.salestalk.eventaws.publish;

/**
 * An event EventBridge did not accept.
 *
 * @param eventId the envelope's eventId
 * @param eventType the envelope's eventType
 * @param source the producing service
 * @param errorCode the last error code, e.g. {@code ThrottlingException}, {@code MalformedDetail},
 *     or the SDK exception's name when the whole call failed
 * @param errorMessage the last error message
 * @param retryable whether the last error is one worth retrying later (the outbox relay retries
 *     such events; others are parked)
 * @param attempts how many times the entry was sent in this call
 */
public record FailedEvent(
    String eventId,
    String eventType,
    String source,
    String errorCode,
    String errorMessage,
    boolean retryable,
    int attempts) {

  /** {@code errorCode: errorMessage}. */
  public String error() {
    return errorCode + ": " + errorMessage;
  }
}
