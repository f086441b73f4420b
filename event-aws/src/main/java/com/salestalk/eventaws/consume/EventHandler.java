package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;

/**
 * Handles one event of the payload record it is registered for in {@link EventHandlers}. Throwing
 * makes the message come back (SQS redelivers it, then dead-letters it after the queue's
 * maxReceiveCount); returning normally marks the eventId done so a later delivery is skipped as a
 * duplicate. What the handler writes itself is applied at least once: a crash between its write and
 * the done record runs it again. A handler whose effect is DynamoDB writes gets them applied
 * exactly once as a {@link TransactionalEventHandler}.
 *
 * @param <T> the payload record
 */
@FunctionalInterface
public interface EventHandler<T extends EventPayload> {

  /**
   * Handles the event.
   *
   * @param event the validated envelope (tenant, ids, flow)
   * @param payload its {@code data}, bound to the record
   * @throws Exception if handling failed and should be retried
   */
  void handle(EventEnvelope event, T payload) throws Exception;
}
