package com.salestalk.eventaws.consume;

import org.springframework.context.SmartLifecycle;

/** Starts the listener with the application context and stops it on shutdown. */
final class SqsEventListenerLifecycle implements SmartLifecycle {

  private final SqsEventListener listener;
  private final boolean autoStartup;

  SqsEventListenerLifecycle(SqsEventListener listener, boolean autoStartup) {
    this.listener = listener;
    this.autoStartup = autoStartup;
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
    return autoStartup;
  }
}
