package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.EventPayloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers of one consumer, one per payload record. Immutable; build with {@link #builder()}:
 *
 * <pre>{@code
 * EventHandlers.builder()
 *     .onTransactional(MetricsIngested.class,
 *         (event, metrics, effects) -> effects.add(summaries.add(event.tenantId(), metrics)))
 *     .on(TenantProvisioned.class, (event, tenant) -> welcome.send(event.tenantId()))
 *     .build();
 * }</pre>
 */
public final class EventHandlers {

  private final Map<String, Registration<?>> byType;

  private EventHandlers(Map<String, Registration<?>> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** A builder without handlers. */
  public static Builder builder() {
    return new Builder();
  }

  /** The registration of {@code eventType}, if it has a handler. */
  Optional<Registration<?>> find(String eventType) {
    return Optional.ofNullable(byType.get(eventType));
  }

  /** The event types with a handler. */
  Set<String> eventTypes() {
    return byType.keySet();
  }

  /** Collects handlers; each payload record at most once. */
  public static final class Builder {
    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers the handler of the event type whose data is {@code type}.
     *
     * @param type the payload record, e.g. {@code MetricsIngested.class}
     * @param handler its handler
     * @return this builder
     * @throws IllegalArgumentException if the record already has a handler
     */
    public <T extends EventPayload> Builder on(Class<T> type, EventHandler<? super T> handler) {
      Objects.requireNonNull(handler, "handler");
      return register(type, (event, payload, effects) -> handler.handle(event, payload));
    }

    /**
     * Registers the handler of the event type whose data is {@code type}, whose DynamoDB writes are
     * committed with the event's done record in one transaction (exactly once).
     *
     * @param type the payload record, e.g. {@code MetricsIngested.class}
     * @param handler its handler, adding its writes to the {@link Effects} it is given
     * @return this builder
     * @throws IllegalArgumentException if the record already has a handler
     */
    public <T extends EventPayload> Builder onTransactional(
        Class<T> type, TransactionalEventHandler<? super T> handler) {
      Objects.requireNonNull(handler, "handler");
      return register(type, handler);
    }

    private <T extends EventPayload> Builder register(
        Class<T> type, TransactionalEventHandler<? super T> handler) {
      Objects.requireNonNull(type, "type");
      String eventType = EventPayloads.typeOf(type).toString();
      if (byType.putIfAbsent(eventType, new Registration<>(type, handler)) != null) {
        throw new IllegalArgumentException(
            type.getSimpleName() + " (" + eventType + ") already has a handler");
      }
      return this;
    }

    /** The handlers registered so far. */
    public EventHandlers build() {
      return new EventHandlers(byType);
    }
  }

  /** A payload record and its handler. */
  record Registration<T extends EventPayload>(
      Class<T> type, TransactionalEventHandler<? super T> handler) {

    /**
     * The event's data bound to the record.
     *
     * @throws IllegalArgumentException naming the field when the data does not bind
     */
    T bind(EventEnvelope event) {
      return EventPayloads.fromData(event.data(), type);
    }

    void handle(EventEnvelope event, EventPayload payload, Effects effects) throws Exception {
      handler.handle(event, type.cast(payload), effects);
    }
  }
}
