package com.salestalk.eventcontracts.envelope;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.EventPayloads;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds envelopes for one producing service: a new eventId, a UTC timestamp from the injected
 * {@link Clock}, the catalog's current revision as eventVersion, and correlation/causation from the
 * {@link Flow}.
 */
public final class EnvelopeFactory {

  private final String source;
  private final Clock clock;
  private final EventCatalog catalog;

  /**
   * @param source the producing service, one of the catalog's sources
   * @param clock where timestamps come from
   * @param catalog the catalog that gives each type's current revision
   */
  public EnvelopeFactory(String source, Clock clock, EventCatalog catalog) {
    if (!catalog.sources().contains(source)) {
      throw new IllegalArgumentException(
          "unknown source '" + source + "'; the catalog has " + catalog.sources());
    }
    this.source = source;
    this.clock = clock;
    this.catalog = catalog;
  }

  /** The service this factory builds events for. */
  public String source() {
    return source;
  }

  /**
   * A new event for {@code tenant} in {@code flow}, of the type of {@code payload}'s record.
   *
   * @throws IllegalArgumentException if the type is not in the catalog
   */
  public EventEnvelope create(TenantId tenant, EventPayload payload, Flow flow) {
    EventType type = EventPayloads.typeOf(payload.getClass());
    CatalogEntry entry = catalog.require(type);
    return new EventEnvelope(
        UUID.randomUUID(),
        type,
        entry.revision(),
        source,
        clock.instant().truncatedTo(ChronoUnit.MILLIS),
        tenant,
        flow.userId(),
        flow.sessionId(),
        new EventMetadata(flow.correlationId(), flow.causationId(), flow.traceId()),
        EventPayloads.toData(payload));
  }
}
