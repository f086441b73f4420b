package com.salestalk.eventcontracts.envelope;

import java.util.UUID;

/**
 * The user-visible flow an event belongs to: its correlation id, the event that caused it, and who
 * acts in it.
 *
 * @param correlationId shared by every event of the flow
 * @param causationId eventId of the parent event, or {@code null} at the start of a flow
 * @param traceId trace id of the request, or {@code null}
 * @param userId acting user, or {@code null}
 * @param sessionId chat session, or {@code null}
 */
public record Flow(
    UUID correlationId, UUID causationId, String traceId, String userId, String sessionId) {

  /** Requires a correlation id. */
  public Flow {
    if (correlationId == null) {
      throw new IllegalArgumentException("correlationId is required");
    }
  }

  /** A new flow with a fresh correlation id. */
  public static Flow start() {
    return new Flow(UUID.randomUUID(), null, null, null, null);
  }

  /** A flow that continues an existing correlation id (e.g. from a request header). */
  public static Flow continuing(UUID correlationId) {
    return new Flow(correlationId, null, null, null, null);
  }

  /**
   * The flow of an event caused by {@code parent}: same correlation, trace, user and session;
   * causation = parent.
   */
  public static Flow causedBy(EventEnvelope parent) {
    return new Flow(
        parent.metadata().correlationId(),
        parent.eventId(),
        parent.metadata().traceId(),
        parent.userId(),
        parent.sessionId());
  }

  /** This flow with a trace id. */
  public Flow withTrace(String trace) {
    return new Flow(correlationId, causationId, trace, userId, sessionId);
  }

  /** This flow acted in by a user. */
  public Flow withUser(String user) {
    return new Flow(correlationId, causationId, traceId, user, sessionId);
  }

  /** This flow inside a chat session. */
  public Flow withSession(String session) {
    return new Flow(correlationId, causationId, traceId, userId, session);
  }
}
