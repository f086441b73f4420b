package com.salestalk.eventcontracts.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Tracing data of an event.
 *
 * @param correlationId shared by every event of one user-visible flow
 * @param causationId the eventId of the event that caused this one, or {@code null}
 * @param traceId the X-Ray / W3C trace id of the request, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventMetadata(UUID correlationId, UUID causationId, String traceId) {

  /** Requires a correlation id. */
  public EventMetadata {
    if (correlationId == null) {
      throw new IllegalArgumentException("correlationId is required");
    }
  }
}
