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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class EventHandlersTest {

  @Test
  void registersAHandlerUnderTheEventTypeOfItsRecord() {
    TransactionalEventHandler<MetricsIngested> handler = (event, payload, effects) -> {};
    EventHandlers handlers =
        EventHandlers.builder().onTransactional(MetricsIngested.class, handler).build();

    assertThat(handlers.eventTypes()).containsExactly("metrics.ingested.v1");
    assertThat(handlers.find("metrics.ingested.v1").map(r -> (Object) r.handler()))
        .containsSame(handler);
    assertThat(handlers.find("tenant.provisioned.v1")).isEmpty();
  }

  @Test
  void aTransactionalHandlersWritesGoToTheEffectsItIsGiven() throws Exception {
    TransactWriteItem write =
        TransactWriteItem.builder().put(p -> p.tableName("local-metric-summaries")).build();
    Registration<?> registration =
        EventHandlers.builder()
            .onTransactional(MetricsIngested.class, (event, payload, effects) -> effects.add(write))
            .build()
            .find("metrics.ingested.v1")
            .orElseThrow();
    EventEnvelope event = EventSamples.of("metrics.ingested.v1");
    Effects effects = new Effects();

    registration.handle(event, registration.bind(event), effects);

    assertThat(effects.items()).containsExactly(write);
  }

  @Test
  void anEffectHoldsAtMostNinetyNineWritesBesideTheDoneRecord() {
    Effects effects = new Effects();
    TransactWriteItem write =
        TransactWriteItem.builder().put(p -> p.tableName("local-metric-summaries")).build();
    for (int i = 0; i < 99; i++) {
      effects.add(write);
    }

    assertThatThrownBy(() -> effects.add(write))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "an effect holds at most 99 writes: DynamoDB commits at most 100 items in one"
                + " transaction, one of them the done record");
    assertThat(effects.items()).hasSize(99);
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
    registration.handle(event, payload, new Effects());

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
  void refusesASecondHandlerForOneRecordWhateverItsStyle() {
    EventHandlers.Builder builder =
        EventHandlers.builder().on(MetricsIngested.class, (event, payload) -> {});

    assertThatThrownBy(() -> builder.on(MetricsIngested.class, (event, payload) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MetricsIngested (metrics.ingested.v1) already has a handler");
    assertThatThrownBy(
            () -> builder.onTransactional(MetricsIngested.class, (event, payload, effects) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MetricsIngested (metrics.ingested.v1) already has a handler");
  }
}
