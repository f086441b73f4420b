package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.InvalidEventException;
import com.salestalk.testsupport.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class OutboxTest {

  private final List<TransactWriteItemsRequest> transactions = new ArrayList<>();
  private final DynamoDbClient dynamo =
      new DynamoDbClient() {
        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
          transactions.add(request);
          return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
          return "dynamodb";
        }

        @Override
        public void close() {}
      };
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_790_000_000_000L), ZoneOffset.UTC);
  private final Outbox outbox =
      new Outbox(
          dynamo,
          new OutboxProperties(true, "local-outbox", 8, RelaySettings.standard("relay-1")),
          new PublishMetrics(registry, EventCatalog.standard()),
          clock);

  private static TransactWriteItem tenantPut() {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName("local-tenants")
                .item(Map.of("tenantId", AttributeValue.fromS("tenant-acme")))
                .build())
        .build();
  }

  @Test
  void writesTheOwnItemsAndOneEntryPerEventInOneTransaction() {
    EventEnvelope a = EventSamples.of("tenant.provisioned.v1");
    EventEnvelope b = EventSamples.of("tenant.provisioned.v1");

    outbox.write(List.of(tenantPut()), List.of(a, b));

    assertThat(transactions).hasSize(1);
    List<TransactWriteItem> items = transactions.get(0).transactItems();
    assertThat(items).hasSize(3);
    assertThat(items.get(0)).isEqualTo(tenantPut());
    assertThat(items.get(1).put().item().get("id").s()).isEqualTo(a.eventId().toString());
    assertThat(items.get(2).put().item().get("id").s()).isEqualTo(b.eventId().toString());
  }

  @Test
  void anEntryIsAPendingPutOfTheValidatedEnvelopeThatRefusesToOverwrite() {
    EventEnvelope event = EventSamples.of("tenant.provisioned.v1");

    Put put = outbox.entryFor(event).put();

    assertThat(put.tableName()).isEqualTo("local-outbox");
    assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#id)");
    assertThat(put.expressionAttributeNames()).isEqualTo(Map.of("#id", "id"));
    assertThat(put.item())
        .isEqualTo(
            Map.of(
                "id", AttributeValue.fromS(event.eventId().toString()),
                "status", AttributeValue.fromS("PENDING"),
                "statusShard",
                    AttributeValue.fromS(
                        "PENDING#" + Math.floorMod(event.eventId().toString().hashCode(), 8)),
                "source", AttributeValue.fromS("tenant-onboard"),
                "eventType", AttributeValue.fromS("tenant.provisioned.v1"),
                "payload", AttributeValue.fromS(EventValidator.strict().requireValid(event)),
                "createdAt", AttributeValue.fromN("1790000000000"),
                "attempts", AttributeValue.fromN("0"),
                "nextAttemptAt", AttributeValue.fromN("1790000000000")));
  }

  @Test
  void spreadsEntriesOverTheWriteShardsByEventId() {
    Map<String, Long> perShard =
        IntStream.range(0, 800)
            .mapToObj(i -> outbox.entryFor(EventSamples.of("tenant.provisioned.v1")))
            .collect(
                Collectors.groupingBy(
                    item -> item.put().item().get("statusShard").s(), Collectors.counting()));

    assertThat(perShard.keySet())
        .containsExactlyInAnyOrder(
            "PENDING#0",
            "PENDING#1",
            "PENDING#2",
            "PENDING#3",
            "PENDING#4",
            "PENDING#5",
            "PENDING#6",
            "PENDING#7");
    assertThat(perShard.values()).allSatisfy(count -> assertThat(count).isBetween(50L, 150L));
  }

  @Test
  void anInvalidEventWritesNothingAndIsCountedAsRejected() {
    EventEnvelope valid = EventSamples.of("tenant.provisioned.v1");
    EventEnvelope invalid = TestEvents.withData(valid, data -> data.remove("currency"));

    assertThatThrownBy(() -> outbox.write(List.of(tenantPut()), List.of(valid, invalid)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("invalid event: /data: required property 'currency' not found");
    assertThat(transactions).isEmpty();
    assertThat(
            registry
                .get("salestalk.publish.rejected")
                .tag("eventType", "tenant.provisioned.v1")
                .tag("source", "tenant-onboard")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void refusesATransactionOverOneHundredItems() {
    List<TransactWriteItem> own = Collections.nCopies(100, tenantPut());

    assertThatThrownBy(() -> outbox.write(own, List.of(EventSamples.of("tenant.provisioned.v1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a transaction holds at most 100 items; got 100 own items and 1 events");
    assertThat(transactions).isEmpty();
  }
}
