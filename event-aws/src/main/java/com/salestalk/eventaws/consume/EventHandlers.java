package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The handlers of one consumer, by eventType. Immutable; build with {@link #builder()}. */
public final class EventHandlers {

  private final Map<String, EventHandler> byType;

  private EventHandlers(Map<String, EventHandler> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** A builder that accepts the event types of the standard catalog. */
  public static Builder builder() {
    return new Builder(EventCatalog.standard());
  }

  /** The handler of {@code eventType}, if one is registered. */
  public Optional<EventHandler> find(String eventType) {
    return Optional.ofNullable(byType.get(eventType));
  }

  /** The event types with a handler. */
  public Set<String> eventTypes() {
    return byType.keySet();
  }

  /** Collects handlers; each event type at most once. */
  public static final class Builder {
    private final EventCatalog catalog;
    private final Map<String, EventHandler> byType = new LinkedHashMap<>();

    private Builder(EventCatalog catalog) {
      this.catalog = catalog;
    }

    /**
     * Registers the handler of one event type.
     *
     * @param eventType a catalog event type, e.g. {@code tenant.provisioned.v1}
     * @param handler its handler
     * @return this builder
     * @throws IllegalArgumentException if the type is not in the catalog or already has a handler
     */
    public Builder on(String eventType, EventHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (catalog.find(eventType).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown event type '" + eventType + "': it is not in the catalog");
      }
      if (byType.putIfAbsent(eventType, handler) != null) {
        throw new IllegalArgumentException("event type " + eventType + " already has a handler");
      }
      return this;
    }

    /** The handlers registered so far. */
    public EventHandlers build() {
      return new EventHandlers(byType);
    }
  }
}
