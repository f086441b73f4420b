package com.salestalk.chathandler.chat;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.Intent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The end of a session: its status set to completed (on condition that it is still active) and
 * {@code conversation.completed.v1} in ONE outbox transaction, so however many callers try (the
 * user twice, the idle sweeper of two instances), exactly one succeeds and one event is published.
 */
class SessionCompletion {

  private final SessionStore sessions;
  private final Outbox outbox;
  private final EnvelopeFactory events;
  private final Clock clock;

  SessionCompletion(SessionStore sessions, Outbox outbox, EnvelopeFactory events, Clock clock) {
    this.sessions = sessions;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Completes an active session.
   *
   * @param idleBefore for an idle timeout, the instant before which its last message must have come
   *     (else null)
   * @return the completed session, or null when it was no longer active (completed meanwhile) or a
   *     message came after {@code idleBefore}
   */
  SessionSummary complete(
      TenantId tenant,
      Flow flow,
      SessionStore.Transcript transcript,
      CompletionReason reason,
      ConversationCompleted.Feedback feedback,
      Instant idleBefore) {
    SessionSummary session = transcript.session();
    Instant ended = clock.instant();
    Instant started = Instant.parse(session.createdAt());
    Map<Intent, Long> intents = new LinkedHashMap<>();
    transcript
        .messages()
        .forEach(
            m -> intents.merge(Intent.valueOf(m.intent().toUpperCase(Locale.ROOT)), 1L, Long::sum));
    var event =
        events.create(
            tenant,
            new ConversationCompleted(
                session.createdAt(),
                ended.toString(),
                Math.max(0, Duration.between(started, ended).toMillis()),
                transcript.messages().size(),
                intents,
                reason,
                feedback),
            flow.withSession(session.sessionId()));
    try {
      outbox.write(
          List.of(
              sessions.complete(
                  tenant, session.sessionId(), ended, reason.wire(), feedback, idleBefore)),
          List.of(event));
    } catch (TransactionCanceledException e) {
      return null;
    }
    return new SessionSummary(
        session.sessionId(),
        SessionStore.COMPLETED,
        session.createdAt(),
        ended.toString(),
        session.messageCount(),
        ended.toString(),
        reason.wire(),
        feedback);
  }
}
