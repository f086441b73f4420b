package com.salestalk.eventcontracts.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.EventPayloads;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The common envelope of every SalesTalk event (docs/ARCHITECTURE.md#envelope). Build it with
 * {@link EnvelopeFactory}; validate it with {@code EventValidator} before publishing.
 *
 * @param eventId unique per event
 * @param eventType {@code domain.action.vN}, in the catalog
 * @param eventVersion schema revision {@code N.M}; N equals the type's major version
 * @param source the producing service
 * @param timestamp when the event happened, UTC
 * @param tenantId the authenticated tenant
 * @param userId optional {@code user-…}
 * @param sessionId optional {@code session-…}
 * @param metadata correlation, causation and trace ids
 * @param data the payload, valid against the type's data schema
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "eventId",
  "eventType",
  "eventVersion",
  "source",
  "timestamp",
  "tenantId",
  "userId",
  "sessionId",
  "metadata",
  "data"
})
public record EventEnvelope(
    UUID eventId,
    EventType eventType,
    Revision eventVersion,
    String source,
    Instant timestamp,
    TenantId tenantId,
    String userId,
    String sessionId,
    EventMetadata metadata,
    ObjectNode data) {

  /**
   * Prefix of every SalesTalk event's EventBridge {@code Source}: {@code salestalk.<source>}
   * (docs/ARCHITECTURE.md#envelope).
   */
  public static final String EVENT_BRIDGE_SOURCE_PREFIX = "salestalk.";

  /**
   * The data bound to its record, tolerantly: properties the record does not know are ignored.
   *
   * @throws IllegalArgumentException if this event is not of {@code type}'s event type, or its data
   *     does not bind (the message names the field)
   */
  public <T extends EventPayload> T payload(Class<T> type) {
    EventType expected = EventPayloads.typeOf(type);
    if (!expected.equals(eventType)) {
      throw new IllegalArgumentException(
          "event "
              + eventId
              + " is "
              + eventType
              + ", not "
              + expected
              + " ("
              + type.getSimpleName()
              + ")");
    }
    return EventPayloads.fromData(data, type);
  }

  /** The correlation id of the flow this event belongs to. */
  public UUID correlationId() {
    return metadata.correlationId();
  }
}
