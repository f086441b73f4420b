package com.salestalk.eventaws.consume;

import java.util.function.BooleanSupplier;

/**
 * Keeps one delivery alive while its handler runs: its SQS message invisible and its dedupe lease
 * held (see {@link VisibilityHeartbeat}).
 */
@FunctionalInterface
interface Heartbeat {

  /** No heartbeat: a body consumed without a queue message. */
  Heartbeat NONE = extendLease -> () -> {};

  /**
   * Starts beating until the returned beats are closed.
   *
   * @param extendLease extends the event's lease; returns false once the lease is lost, which stops
   *     the beats
   * @return the running beats
   */
  Beats start(BooleanSupplier extendLease);

  /** Running beats. */
  interface Beats extends AutoCloseable {

    /** Stops the beats; when it returns, no beat is running or will run. */
    @Override
    void close();
  }
}
