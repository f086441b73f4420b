package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.envelope.EventEnvelope;

/**
 * Handles one event of a type it is registered for in {@link EventHandlers}. Throwing makes the
 * message come back (SQS redelivers it, then dead-letters it after the queue's maxReceiveCount);
 * returning normally marks the eventId done so a redelivery has no second effect.
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles the event.
   *
   * @param event the validated envelope
   * @throws Exception if handling failed and should be retried
   */
  void handle(EventEnvelope event) throws Exception;
}
