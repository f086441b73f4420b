package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.util.Objects;

/**
 * An event whose envelope JSON has been validated and is sent exactly as it is.
 *
 * @param eventId the envelope's eventId
 * @param eventType the envelope's eventType; becomes the EventBridge {@code DetailType}
 * @param source the producing service; becomes {@code Source = salestalk.<source>}
 * @param json the whole envelope JSON; becomes the EventBridge {@code Detail}
 */
public record PreparedEvent(String eventId, String eventType, String source, String json) {

  /** Requires every field. */
  public PreparedEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(json, "json");
  }

  /**
   * The prepared form of a validated envelope.
   *
   * @param envelope the envelope
   * @param json its validated JSON, e.g. from {@code EventValidator.requireValid}
   * @return the prepared event
   */
  public static PreparedEvent of(EventEnvelope envelope, String json) {
    return new PreparedEvent(
        envelope.eventId().toString(), envelope.eventType().toString(), envelope.source(), json);
  }
}
