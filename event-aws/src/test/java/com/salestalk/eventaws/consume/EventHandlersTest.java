package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventHandlersTest {

  @Test
  void findsTheHandlerOfARegisteredType() {
    EventHandler handler = e -> {};
    EventHandlers handlers = EventHandlers.builder().on("metrics.ingested.v1", handler).build();

    assertThat(handlers.find("metrics.ingested.v1")).containsSame(handler);
    assertThat(handlers.find("tenant.provisioned.v1")).isEmpty();
    assertThat(handlers.eventTypes()).containsExactly("metrics.ingested.v1");
  }

  @Test
  void refusesTypesOutsideTheCatalog() {
    assertThatThrownBy(() -> EventHandlers.builder().on("tenant.deleted.v1", e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown event type 'tenant.deleted.v1': it is not in the catalog");
  }

  @Test
  void refusesASecondHandlerForOneType() {
    EventHandlers.Builder builder = EventHandlers.builder().on("metrics.ingested.v1", e -> {});

    assertThatThrownBy(() -> builder.on("metrics.ingested.v1", e -> {}))
        .hasMessage("event type metrics.ingested.v1 already has a handler");
  }
}
