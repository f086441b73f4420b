package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventaws.consume.EventHandlers.Registration;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

  @Test
  void registersAHandlerUnderTheEventTypeOfItsRecord() {
    EventHandler<MetricsIngested> handler = (event, payload) -> {};
    EventHandlers handlers = EventHandlers.builder().on(MetricsIngested.class, handler).build();

    assertThat(handlers.eventTypes()).containsExactly("metrics.ingested.v1");
    assertThat(handlers.find("metrics.ingested.v1").map(r -> (Object) r.handler()))
        .containsSame(handler);
    assertThat(handlers.find("tenant.provisioned.v1")).isEmpty();
  }

  @Test
  void bindsTheEventsDataToTheRecordAndHandsBothToTheHandler() throws Exception {
    List<Object> received = new ArrayList<>();
    Registration<?> registration =
        EventHandlers.builder()
            .on(TenantProvisioned.class, (event, payload) -> received.add(payload))
            .build()
            .find("tenant.provisioned.v1")
            .orElseThrow();
    EventEnvelope event = EventSamples.of("tenant.provisioned.v1");

    EventPayload payload = registration.bind(event);
    registration.handle(event, payload);

    assertThat(payload).isEqualTo(EventSamples.payload(TenantProvisioned.class));
    assertThat(received).containsExactly(payload);
  }

  @Test
  void oneHandlerOfAnyPayloadCanServeSeveralRecords() {
    EventHandler<EventPayload> any = (event, payload) -> {};

    EventHandlers handlers =
        EventHandlers.builder()
            .on(MetricsIngested.class, any)
            .on(TenantProvisioned.class, any)
            .build();

    assertThat(handlers.eventTypes())
        .containsExactlyInAnyOrder("metrics.ingested.v1", "tenant.provisioned.v1");
  }

  @Test
  void refusesASecondHandlerForOneRecord() {
    EventHandlers.Builder builder =
        EventHandlers.builder().on(MetricsIngested.class, (event, payload) -> {});

    assertThatThrownBy(() -> builder.on(MetricsIngested.class, (event, payload) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MetricsIngested (metrics.ingested.v1) already has a handler");
  }
}
