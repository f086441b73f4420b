package com.salestalk.eventaws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.EventPublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublisherProperties;
import com.salestalk.eventaws.support.EventBridgeFaults;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * For the outbox ITs: an outbox table and its {@link Outbox}, a bus whose rule sends one producer's
 * events to a queue with DLQ, and an EventBridge client with {@link EventBridgeFaults} (failed
 * entries go to a bus without rules).
 */
final class OutboxFixture implements AutoCloseable {

  final String bus = AwsResources.unique("salestalk");
  final String blackhole = AwsResources.unique("blackhole");
  final String outboxTable = AwsResources.unique("local-outbox");
  final int shards;
  final EventBridgeFaults faults = new EventBridgeFaults(blackhole);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final PublishMetrics metrics = new PublishMetrics(registry, EventCatalog.standard());
  final EventBridgeClient events;
  final SqsClient sqs;
  final DynamoDbClient dynamo;
  final QueueWithDlq queue;
  final Outbox outbox;

  /**
   * An outbox of 8 write shards, as {@code salestalk.outbox.shards} defaults to.
   *
   * @param queueName the consumer queue's base name
   * @param rule the rule's name
   * @param producer the source whose events the rule routes, e.g. {@code tenant-onboard}
   */
  OutboxFixture(AwsEndpoint aws, String queueName, String rule, String producer) {
    this(aws, queueName, rule, producer, 8);
  }

  /** An outbox of {@code shards} write shards. */
  OutboxFixture(AwsEndpoint aws, String queueName, String rule, String producer, int shards) {
    this.shards = shards;
    events =
        aws.configure(EventBridgeClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(faults))
            .build();
    sqs = aws.configure(SqsClient.builder()).build();
    dynamo = aws.configure(DynamoDbClient.builder()).build();
    AwsResources.createOutboxTable(dynamo, outboxTable);
    events.createEventBus(b -> b.name(blackhole));
    queue = AwsResources.createQueueWithDlq(sqs, AwsResources.unique(queueName), 3, 30);
    AwsResources.routeToQueue(
        events, bus, rule, "{\"source\":[\"salestalk." + producer + "\"]}", queue.arn());
    outbox =
        new Outbox(
            dynamo, properties(RelaySettings.standard("producer")), metrics, Clock.systemUTC());
  }

  /**
   * A publisher to the bus; its direct path retries 3 times with backoff from 10 ms to 40 ms (the
   * relay's path sends once).
   */
  EventBridgePublisher publisher() {
    return new EventBridgePublisher(
        events,
        new PublisherProperties(true, bus, 3, Duration.ofMillis(10), Duration.ofMillis(40)),
        metrics);
  }

  /** The outbox's properties with relay {@code settings}. */
  OutboxProperties properties(OutboxProperties.Relay settings) {
    return new OutboxProperties(true, outboxTable, shards, settings);
  }

  /** A relay on the outbox table with the system clock. */
  OutboxRelay relay(EventPublisher publisher, OutboxProperties.Relay settings) {
    return new OutboxRelay(
        dynamo, publisher, properties(settings), metrics, registry, Clock.systemUTC());
  }

  /** Runs {@code relay} on its own schedule, as the application does, once started. */
  static OutboxRelayLifecycle scheduled(OutboxRelay relay) {
    return new OutboxRelayLifecycle(relay, Clock.systemUTC());
  }

  /** Writes {@code count} sample events of {@code type} in one transaction; returns them. */
  List<EventEnvelope> write(String type, int count) {
    List<EventEnvelope> events =
        IntStream.range(0, count).mapToObj(i -> EventSamples.of(type)).toList();
    outbox.write(List.of(), events);
    return events;
  }

  /** The events' eventIds. */
  static List<String> ids(List<EventEnvelope> events) {
    return events.stream().map(e -> e.eventId().toString()).toList();
  }

  /** Receives from the queue exactly the events {@code eventIds}, each once, or fails. */
  void assertArriveOnce(List<String> eventIds) {
    assertThat(AwsResources.receiveExactly(sqs, queue.url(), eventIds.size()))
        .extracting(AwsResources::detailEventId)
        .containsExactlyInAnyOrderElementsOf(eventIds);
  }

  /** Every entry of the outbox table (lease items left out), read consistently. */
  List<Map<String, AttributeValue>> outboxItems() {
    return allItems().stream().filter(item -> !isLease(item)).toList();
  }

  /** The shard leases held now, read consistently. */
  List<Map<String, AttributeValue>> leases() {
    return allItems().stream().filter(OutboxFixture::isLease).toList();
  }

  private List<Map<String, AttributeValue>> allItems() {
    return dynamo.scan(b -> b.tableName(outboxTable).consistentRead(true)).items();
  }

  private static boolean isLease(Map<String, AttributeValue> item) {
    return item.get("id").s().startsWith("lease#");
  }

  /** A table with hash key {@code tenantId} for the service's own writes; returns its name. */
  String createTenantsTable() {
    String table = AwsResources.unique("local-tenants");
    AwsResources.createTable(dynamo, table, "tenantId");
    return table;
  }

  /** The service's own write beside the outbox entry: a tenant item. */
  static TransactWriteItem tenantPut(String table, String tenantId) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(
                    Map.of(
                        "tenantId", AttributeValue.fromS(tenantId),
                        "name", AttributeValue.fromS("Acme " + tenantId)))
                .build())
        .build();
  }

  @Override
  public void close() {
    faults.close();
    events.close();
    sqs.close();
    dynamo.close();
  }
}
