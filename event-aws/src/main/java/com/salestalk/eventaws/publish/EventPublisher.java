package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes SalesTalk events. Implementations validate before sending, never send an invalid event,
 * and report every event as published, rejected or failed.
 */
public interface EventPublisher {

  /**
   * Validates every event strictly and publishes the valid ones, resending failed entries as {@code
   * salestalk.publisher.max-attempts} says. Invalid events are rejected with the validator's
   * violations and never sent; events that fail for good (a non-retryable error, or retries
   * exhausted) are reported with the error code and message.
   *
   * @param events the events, in order
   * @return what happened to each event
   */
  PublishResult publish(List<EventEnvelope> events);

  /**
   * Publishes events whose JSON has already been validated, sending each at most once: the outbox
   * relay's path, where the relay owns the retries (it keeps attempts and backoff in its table).
   * Failures are reported but not counted as {@code salestalk.publish.failed}: the caller decides
   * whether an event is given up on (and then counts it) or retried later.
   *
   * @param events the prepared events, in order
   * @param callTimeout the longest one call to EventBridge may take
   * @param deadline when the publication must be over, on the system clock: no call starts, or
   *     runs, past it, and events not sent by then are reported as failed (retryable)
   * @return what happened to each event; {@link PublishResult#rejected()} is empty
   */
  PublishResult publishPrepared(List<PreparedEvent> events, Duration callTimeout, Instant deadline);
}
