package com.salestalk.eventaws.publish;

import java.time.Duration;

/** Waits between retries; injectable so tests do not sleep. */
@FunctionalInterface
interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
