package com.salestalk.chathandler.chat;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.events.CompletionReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Completes sessions without a message for {@code salestalk.chat.idle-timeout} ({@code
 * conversation.completed.v1} with {@code idle_timeout}). The candidates come from the sparse index
 * of active sessions in idle order, never a table scan; each is read again and completed with the
 * same conditional transaction as a user's completion (still active, no message since the cutoff),
 * so any number of instances, sweeps and restarts give exactly one event per session.
 */
class IdleSessions {

  private static final Logger log = LoggerFactory.getLogger(IdleSessions.class);

  /** Most candidates taken from one shard per sweep; the next sweep takes the rest. */
  static final int BATCH = 100;

  private final SessionStore sessions;
  private final SessionCompletion completion;
  private final Duration timeout;
  private final Clock clock;

  IdleSessions(SessionStore sessions, SessionCompletion completion, Duration timeout, Clock clock) {
    this.sessions = sessions;
    this.completion = completion;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The instant before which a session's last message makes it idle now. */
  Instant cutoff() {
    return clock.instant().minus(timeout);
  }

  /** Sessions the index lists as idle before {@code cutoff}, over every shard. */
  List<SessionStore.SessionKey> candidates(Instant cutoff) {
    List<SessionStore.SessionKey> keys = new ArrayList<>();
    for (int shard = 0; shard < SessionStore.SHARDS; shard++) {
      keys.addAll(sessions.idle(shard, cutoff, BATCH));
    }
    return keys;
  }

  /** The session read again (strongly consistent), if it is still active. */
  Optional<SessionStore.Transcript> active(SessionStore.SessionKey key) {
    return sessions
        .transcript(key.tenant(), key.sessionId())
        .filter(t -> SessionStore.ACTIVE.equals(t.session().status()));
  }

  /** Completes the session for its idle timeout; false when another completion or message won. */
  boolean complete(
      SessionStore.SessionKey key, SessionStore.Transcript transcript, Instant cutoff) {
    return completion.complete(
            key.tenant(), Flow.start(), transcript, CompletionReason.IDLE_TIMEOUT, null, cutoff)
        != null;
  }

  /** One sweep; returns how many sessions this call completed. */
  int sweep() {
    Instant cutoff = cutoff();
    int completed = 0;
    for (SessionStore.SessionKey key : candidates(cutoff)) {
      Optional<SessionStore.Transcript> transcript = active(key);
      if (transcript.isPresent() && complete(key, transcript.get(), cutoff)) {
        completed++;
      }
    }
    return completed;
  }

  @Scheduled(
      initialDelayString = "${salestalk.chat.idle-sweep-interval:PT1M}",
      fixedDelayString = "${salestalk.chat.idle-sweep-interval:PT1M}")
  void scheduledSweep() {
    try {
      int completed = sweep();
      if (completed > 0) {
        log.info("completed {} idle sessions", completed);
      }
    } catch (RuntimeException e) {
      log.warn("idle sweep failed; the next one retries", e);
    }
  }
}
