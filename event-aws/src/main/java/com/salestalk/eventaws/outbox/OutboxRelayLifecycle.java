package com.salestalk.eventaws.outbox;

import org.springframework.context.SmartLifecycle;

/** Starts the relay with the application context and stops it (finishing its run) on shutdown. */
final class OutboxRelayLifecycle implements SmartLifecycle {

  private final OutboxRelay relay;

  OutboxRelayLifecycle(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public void start() {
    relay.start();
  }

  @Override
  public void stop() {
    relay.stop();
  }

  @Override
  public boolean isRunning() {
    return relay.isRunning();
  }
}
