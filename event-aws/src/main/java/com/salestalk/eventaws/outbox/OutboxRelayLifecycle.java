package com.salestalk.eventaws.outbox;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an {@link OutboxRelay} on its own thread while the application runs: every {@link
 * OutboxProperties.Relay#interval()} it runs the relay until a run finds nothing to publish (at
 * most 20 runs in a row, so a deep backlog does not starve the backlog gauges) and recomputes the
 * backlog gauges every {@link OutboxProperties.Relay#backlogRefresh()}. Stopping lets the current
 * run finish (waiting at most the lease).
 */
final class OutboxRelayLifecycle implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLifecycle.class);
  private static final int MAX_RUNS_PER_TICK = 20;

  private final OutboxRelay relay;
  private final OutboxProperties.Relay settings;
  private final Clock clock;
  private final Object lock = new Object();
  private ScheduledExecutorService executor;
  private volatile boolean stopping;
  private long nextBacklogRefresh;

  OutboxRelayLifecycle(OutboxRelay relay, Clock clock) {
    this.relay = relay;
    this.settings = relay.settings();
    this.clock = clock;
  }

  /** Starts running every interval; does nothing if running. */
  @Override
  public void start() {
    synchronized (lock) {
      if (executor != null) {
        return;
      }
      stopping = false;
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "outbox-relay-" + relay.relayId());
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info(
          "outbox relay {} started on {} every {}",
          relay.relayId(),
          relay.tableName(),
          settings.interval());
    }
  }

  /** Stops scheduling and waits (up to the lease) for the current run to finish. */
  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (lock) {
      running = executor;
      executor = null;
      stopping = true;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("outbox relay {} stopped", relay.relayId());
  }

  /** Whether {@link #start()} was called and {@link #stop()} not since. */
  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return executor != null;
    }
  }

  private void tick() {
    try {
      for (int i = 0; i < MAX_RUNS_PER_TICK && !stopping; i++) {
        if (relay.runOnce().claimed() == 0) {
          break;
        }
      }
      long now = clock.millis();
      if (!stopping && now >= nextBacklogRefresh) {
        relay.refreshBacklog();
        nextBacklogRefresh = now + settings.backlogRefresh().toMillis();
      }
    } catch (RuntimeException e) {
      LOG.warn("outbox relay {} run failed: {}", relay.relayId(), e.toString());
    }
  }
}
