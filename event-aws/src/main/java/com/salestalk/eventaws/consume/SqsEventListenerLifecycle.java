package com.salestalk.eventaws.consume;

import org.springframework.context.SmartLifecycle;

/** Starts the listener with the application context and stops it on shutdown. */
final class SqsEventListenerLifecycle implements SmartLifecycle {

  private final SqsEventListener listener;

  SqsEventListenerLifecycle(SqsEventListener listener) {
    this.listener = listener;
  }

  @Override
  public void start() {
    listener.start();
  }

  @Override
  public void stop() {
    listener.stop();
  }

  @Override
  public boolean isRunning() {
    return listener.isRunning();
  }

  @Override
  public boolean isAutoStartup() {
    return listener.isAutoStartup();
  }
}
