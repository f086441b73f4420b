package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;

/**
 * Handles one event by adding its DynamoDB writes to {@link Effects} instead of writing them
 * itself: the consumer commits them with the event's done record in one transaction, so the effect
 * is applied exactly once however often SQS delivers the event. Registered with {@link
 * EventHandlers.Builder#onTransactional}. Throwing writes nothing and makes the message come back.
 *
 * @param <T> the payload record
 */
@FunctionalInterface
public interface TransactionalEventHandler<T extends EventPayload> {

  /**
   * Computes the event's effect.
   *
   * @param event the validated envelope (tenant, ids, flow)
   * @param payload its {@code data}, bound to the record
   * @param effects where the handler adds its writes
   * @throws Exception if handling failed and should be retried
   */
  void handle(EventEnvelope event, T payload, Effects effects) throws Exception;
}
