package com.salestalk.eventcontracts.samples;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.EventPayloads;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid sample events of every catalog type, built by the real {@link EnvelopeFactory} from the
 * data files under {@code com/salestalk/eventcontracts/samples/} bound to their payload records.
 * Use them as test fixtures in any module.
 */
public final class EventSamples {

  /** The tenant samples belong to unless another is given. */
  public static final TenantId SAMPLE_TENANT = TenantId.of("tenant-acme");

  private EventSamples() {}

  /**
   * A valid event of {@code type}, from its catalog producer, for {@link #SAMPLE_TENANT}, in a new
   * flow.
   */
  public static EventEnvelope of(EventType type) {
    return of(type, SAMPLE_TENANT, Flow.start().withUser("user-alice").withSession("session-s1"));
  }

  /** A valid event of the named type. */
  public static EventEnvelope of(String type) {
    return of(EventType.parse(type));
  }

  /** A valid event of {@code type} for a given tenant and flow, stamped by the system clock. */
  public static EventEnvelope of(EventType type, TenantId tenant, Flow flow) {
    CatalogEntry entry = EventCatalog.standard().require(type);
    EnvelopeFactory factory =
        new EnvelopeFactory(entry.producer(), Clock.systemUTC(), EventCatalog.standard());
    return factory.create(tenant, payload(type), flow);
  }

  /** One valid event of every catalog type, in catalog order. */
  public static List<EventEnvelope> all() {
    return EventCatalog.standard().entries().stream().map(e -> of(e.type())).toList();
  }

  /** The sample payload of {@code type}'s record. */
  public static <T extends EventPayload> T payload(Class<T> type) {
    return EventPayloads.fromData(data(EventPayloads.typeOf(type)), type);
  }

  /** The sample payload of an event type. */
  public static EventPayload payload(EventType type) {
    return payload(EventPayloads.classOf(type));
  }

  /** A fresh, modifiable copy of the sample data payload of {@code type}. */
  public static ObjectNode data(EventType type) {
    return (ObjectNode)
        EnvelopeJson.readResource("com/salestalk/eventcontracts/samples/" + type + ".json")
            .orElseThrow(() -> new IllegalArgumentException("no sample data for " + type));
  }
}
