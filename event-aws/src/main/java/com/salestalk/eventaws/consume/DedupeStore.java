package com.salestalk.eventaws.consume;

/** Remembers which events a consumer has handled, with a lease while one is being handled. */
interface DedupeStore {

  /** The result of trying to take an event. */
  enum Claim {
    /** This delivery holds the lease and should handle the event. */
    CLAIMED,
    /** The event was handled before; skip it. */
    DONE,
    /** Another delivery holds an unexpired lease. */
    BUSY
  }

  /** Takes the lease of {@code key} unless it is done or leased by someone else. */
  Claim claim(String key);

  /** Marks {@code key} done (kept until its retention ends). */
  void complete(String key);

  /** Gives the lease of {@code key} up so a redelivery can handle it at once. */
  void release(String key);
}
