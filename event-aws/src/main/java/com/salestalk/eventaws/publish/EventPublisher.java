package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.util.List;

/**
 * Publishes SalesTalk events. Implementations validate before sending, never send an invalid event,
 * and report every event as published, rejected or failed.
 */
public interface EventPublisher {

  /**
   * Validates every event strictly and publishes the valid ones. Invalid events are rejected with
   * the validator's violations and never sent; events that fail for good (a non-retryable error, or
   * retries exhausted) are reported with the error code and message.
   *
   * @param events the events, in order
   * @return what happened to each event
   */
  PublishResult publish(List<EventEnvelope> events);

  /**
   * Publishes events whose JSON has already been validated (the outbox relay's path). Failures are
   * reported but not counted as {@code salestalk.publish.failed}: the caller decides whether an
   * event is given up on (and then counts it) or retried later.
   *
   * @param events the prepared events, in order
   * @return what happened to each event; {@link PublishResult#rejected()} is empty
   */
  PublishResult publishPrepared(List<PreparedEvent> events);
}
