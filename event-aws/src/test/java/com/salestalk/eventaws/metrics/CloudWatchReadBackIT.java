package com.salestalk.eventaws.metrics;

import static com.salestalk.testsupport.TestEvents.eventBridgeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventaws.consume.SqsEventListener;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventaws.outbox.OutboxProperties;
import com.salestalk.eventaws.outbox.OutboxRelay;
import com.salestalk.eventaws.publish.EventBridgePublisher;
import com.salestalk.eventaws.publish.PublishMetrics;
import com.salestalk.eventaws.publish.PublishResult;
import com.salestalk.eventaws.publish.PublisherProperties;
import com.salestalk.eventaws.support.EventBridgeFaults;
import com.salestalk.eventaws.support.RelaySettings;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.metrics.CloudWatchMetric;
import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.AwsResources.QueueWithDlq;
import com.salestalk.testsupport.TestEvents;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every metric the kit records (and the validation consumer's quality score summary, recorded here
 * as that app records it), exported by micrometer-registry-cloudwatch2 through a real CloudWatch
 * client, read back from the emulator's CloudWatch: exactly the names and dimensions {@link
 * SalesTalkMetrics#cloudWatchMetrics()} promises (what infra's alarms and dashboard may name), no
 * others, with the recorded values.
 */
@AwsEmulatorTest
class CloudWatchReadBackIT {

  @Test
  void everyMetricArrivesWithTheContractsNameAndDimensionsAndNothingElse(AwsEndpoint aws) {
    String bus = AwsResources.unique("salestalk");
    EventBridgeFaults faults = new EventBridgeFaults(bus);
    Instant start = Instant.now().minusSeconds(60);
    try (CloudWatchAsyncClient cloudWatch = aws.configure(CloudWatchAsyncClient.builder()).build();
        CloudWatchClient reader = aws.configure(CloudWatchClient.builder()).build();
        EventBridgeClient events =
            aws.configure(EventBridgeClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(faults))
                .build();
        DynamoDbClient dynamo = aws.configure(DynamoDbClient.builder()).build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build();
        SqsAsyncClient sqsAsync = aws.configure(SqsAsyncClient.builder()).build()) {
      CloudWatchMeterRegistry registry =
          CloudWatchExport.registry(
              cloudWatch,
              SalesTalkMetrics.NAMESPACE,
              Duration.ofSeconds(1),
              io.micrometer.core.instrument.Clock.SYSTEM);
      PublishMetrics metrics = new PublishMetrics(registry, EventCatalog.standard());
      events.createEventBus(b -> b.name(bus));

      // publish: 3 published, 1 failed for good, 1 rejected
      EventBridgePublisher publisher =
          new EventBridgePublisher(
              events,
              new PublisherProperties(true, bus, 2, Duration.ofMillis(10), Duration.ofMillis(20)),
              metrics);
      List<EventEnvelope> tenants =
          List.of(
              EventSamples.of("tenant.provisioned.v1"),
              EventSamples.of("tenant.provisioned.v1"),
              EventSamples.of("tenant.provisioned.v1"),
              EventSamples.of("tenant.provisioned.v1"));
      faults.fail(tenants.get(3).eventId().toString(), "MalformedDetail");
      PublishResult result =
          publisher.publish(
              List.of(tenants.get(0), tenants.get(1), tenants.get(2), tenants.get(3), invalid()));
      assertThat(result.published()).hasSize(3);
      assertThat(result.failed()).hasSize(1);
      assertThat(result.rejected()).hasSize(1);

      // outbox: 2 waiting entries
      String outboxTable = AwsResources.unique("local-outbox");
      AwsResources.createOutboxTable(dynamo, outboxTable);
      OutboxProperties outboxProperties =
          new OutboxProperties(true, outboxTable, 8, RelaySettings.standard("relay-metrics"));
      new Outbox(dynamo, outboxProperties, metrics, Clock.systemUTC())
          .write(
              List.of(),
              List.of(
                  EventSamples.of("metrics.ingested.v1"), EventSamples.of("metrics.ingested.v1")));
      relay(dynamo, publisher, outboxProperties, metrics, registry).refreshBacklog();

      // outbox: 1 entry parked (EventBridge refuses it for good), in a table of its own
      String parkingTable = AwsResources.unique("local-outbox");
      AwsResources.createOutboxTable(dynamo, parkingTable);
      OutboxProperties parking =
          new OutboxProperties(true, parkingTable, 8, RelaySettings.standard("relay-parking"));
      EventEnvelope refused = EventSamples.of("conversation.completed.v1");
      faults.fail(refused.eventId().toString(), "MalformedDetail");
      new Outbox(dynamo, parking, metrics, Clock.systemUTC()).write(List.of(), List.of(refused));
      assertThat(relay(dynamo, publisher, parking, metrics, registry).runOnce().parked())
          .isEqualTo(1);

      // consume: processed, duplicate, failed, invalid; DLQ depth of the listener's queue
      String dedupeTable = AwsResources.unique("local-idempotency");
      AwsResources.createIdempotencyTable(dynamo, dedupeTable);
      QueueWithDlq queue =
          AwsResources.createQueueWithDlq(sqs, AwsResources.unique("analytics"), 3, 30);
      ConsumerProperties consumerProperties =
          new ConsumerProperties(
              "analytics",
              queue.url(),
              dedupeTable,
              Duration.ofSeconds(30),
              Duration.ofDays(7),
              Duration.ofMillis(200));
      EventConsumer consumer =
          new EventConsumer(
              consumerProperties,
              EventHandlers.builder()
                  .on(TenantProvisioned.class, (e, payload) -> {})
                  .on(NarrativeGenerated.class, (e, payload) -> {})
                  .on(
                      ConversationCompleted.class,
                      (e, payload) -> {
                        throw new IllegalStateException("boom");
                      })
                  .build(),
              dynamo,
              registry,
              Clock.systemUTC());
      consumer.consume(eventBridgeBody(tenants.get(0)));
      consumer.consume(eventBridgeBody(tenants.get(0)));
      consumer.consume("not json");
      EventEnvelope conversation = EventSamples.of("conversation.completed.v1");
      assertThatThrownBy(() -> consumer.consume(eventBridgeBody(conversation)))
          .hasMessageContaining("boom");
      sqs.sendMessage(b -> b.queueUrl(queue.dlqUrl()).messageBody("dead"));
      SqsEventListener listener =
          new SqsEventListener(
              SqsMessageListenerContainerFactory.builder()
                  .sqsAsyncClient(sqsAsync)
                  .configure(
                      options ->
                          options
                              .maxConcurrentMessages(1)
                              .maxMessagesPerPoll(1)
                              .pollTimeout(Duration.ofSeconds(1))
                              .listenerShutdownTimeout(Duration.ofSeconds(2)))
                  .build(),
              sqsAsync,
              consumer,
              consumerProperties,
              registry);
      listener.start();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  registry
                          .get("salestalk.queue.dlq.depth")
                          .tag("queue", queue.dlqName())
                          .gauge()
                          .value()
                      == 1);
      listener.stop();

      // A step registry's percentiles cover only the last step (1 s here), and a loaded machine
      // may publish a step late: keep narratives flowing until a positive p95 has been read back.
      Map<String, String> p95 =
          Map.of("consumer", "analytics", "eventType", "narrative.generated.v1", "phi", "0.95");
      await()
          .pollInterval(Duration.ofMillis(100))
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.consume(eventBridgeBody(EventSamples.of("narrative.generated.v1")));
                assertThat(max(reader, "salestalk.consume.latency.percentile.value", p95, start))
                    .isGreaterThan(0);
              });
      // the validation consumer's quality score, recorded as that app records it
      registry
          .summary(SalesTalkMetrics.QUALITY_SCORE.name(), SalesTalkMetrics.CHECK, "completeness")
          .record(0.75);
      registry.close(); // publishes the last step

      Map<String, Set<String>> expected = new HashMap<>();
      for (CloudWatchMetric metric : SalesTalkMetrics.cloudWatchMetrics()) {
        expected.put(metric.metricName(), new TreeSet<>(metric.dimensions()));
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(dimensionsByName(reader).keySet()).containsAll(expected.keySet()));
      Map<String, Set<Set<String>>> actual = dimensionsByName(reader);
      assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      expected.forEach(
          (name, dimensions) -> assertThat(actual.get(name)).as(name).containsExactly(dimensions));

      Map<String, String> tenantDims =
          Map.of("eventType", "tenant.provisioned.v1", "source", "tenant-onboard");
      assertThat(sum(reader, "salestalk.publish.published.count", tenantDims, start)).isEqualTo(3);
      assertThat(sum(reader, "salestalk.publish.failed.count", tenantDims, start)).isEqualTo(1);
      assertThat(sum(reader, "salestalk.publish.rejected.count", tenantDims, start)).isEqualTo(1);
      assertThat(
              sum(
                  reader,
                  "salestalk.publish.billable.chunks.count",
                  Map.of("eventType", "tenant.provisioned.v1"),
                  start))
          .isEqualTo(3);
      assertThat(
              max(
                  reader,
                  "salestalk.outbox.backlog.value",
                  Map.of("source", "metrics-handler"),
                  start))
          .isEqualTo(2);
      assertThat(
              sum(reader, "salestalk.outbox.parked.count", Map.of("source", "chat-handler"), start))
          .isEqualTo(1);
      Map<String, String> consumed =
          Map.of("consumer", "analytics", "eventType", "tenant.provisioned.v1");
      assertThat(sum(reader, "salestalk.consume.processed.count", consumed, start)).isEqualTo(1);
      assertThat(sum(reader, "salestalk.consume.duplicate.count", consumed, start)).isEqualTo(1);
      assertThat(
              sum(
                  reader,
                  "salestalk.consume.failed.count",
                  Map.of("consumer", "analytics", "eventType", "conversation.completed.v1"),
                  start))
          .isEqualTo(1);
      assertThat(
              sum(
                  reader,
                  "salestalk.consume.invalid.count",
                  Map.of("consumer", "analytics", "eventType", "unknown"),
                  start))
          .isEqualTo(1);
      assertThat(sum(reader, "salestalk.consume.latency.count", consumed, start)).isEqualTo(1);
      assertThat(max(reader, "salestalk.consume.latency.percentile.value", p95, start))
          .isGreaterThan(0);
      assertThat(
              sum(reader, "salestalk.validation.score.sum", Map.of("check", "completeness"), start))
          .isEqualTo(0.75);
      assertThat(
              max(
                  reader,
                  "salestalk.queue.dlq.depth.value",
                  Map.of("queue", queue.dlqName()),
                  start))
          .isEqualTo(1);
    }
  }

  private static OutboxRelay relay(
      DynamoDbClient dynamo,
      EventBridgePublisher publisher,
      OutboxProperties outbox,
      PublishMetrics metrics,
      CloudWatchMeterRegistry registry) {
    return new OutboxRelay(dynamo, publisher, outbox, metrics, registry, Clock.systemUTC());
  }

  private static EventEnvelope invalid() {
    return TestEvents.withData(
        EventSamples.of("tenant.provisioned.v1"), data -> data.remove("name"));
  }

  /** Metric name to the dimension-name sets it was seen with (ListMetrics may repeat rows). */
  private static Map<String, Set<Set<String>>> dimensionsByName(CloudWatchClient reader) {
    Map<String, Set<Set<String>>> byName = new HashMap<>();
    for (Metric metric :
        reader.listMetricsPaginator(b -> b.namespace(SalesTalkMetrics.NAMESPACE)).metrics()) {
      byName
          .computeIfAbsent(metric.metricName(), k -> new java.util.HashSet<>())
          .add(
              metric.dimensions().stream()
                  .map(Dimension::name)
                  .collect(Collectors.toCollection(TreeSet::new)));
    }
    return byName;
  }

  private static double sum(
      CloudWatchClient reader, String name, Map<String, String> dimensions, Instant start) {
    return statistic(reader, name, dimensions, start, "Sum");
  }

  private static double max(
      CloudWatchClient reader, String name, Map<String, String> dimensions, Instant start) {
    return statistic(reader, name, dimensions, start, "Maximum");
  }

  /**
   * Dimensions go in name order, the order micrometer sends them in: moto 5.2.1 compares dimension
   * lists with a broken {@code Dimension.__lt__}, so only identically ordered lists match.
   */
  private static double statistic(
      CloudWatchClient reader,
      String name,
      Map<String, String> dimensions,
      Instant start,
      String stat) {
    List<MetricDataResult> results =
        reader
            .getMetricData(
                b ->
                    b.startTime(start)
                        .endTime(Instant.now().plusSeconds(60))
                        .metricDataQueries(
                            q ->
                                q.id("m")
                                    .metricStat(
                                        s ->
                                            s.period(3600)
                                                .stat(stat)
                                                .metric(
                                                    m ->
                                                        m.namespace(SalesTalkMetrics.NAMESPACE)
                                                            .metricName(name)
                                                            .dimensions(
                                                                new TreeMap<>(dimensions)
                                                                    .entrySet().stream()
                                                                        .map(
                                                                            e ->
                                                                                Dimension.builder()
                                                                                    .name(
                                                                                        e.getKey())
                                                                                    .value(
                                                                                        e
                                                                                            .getValue())
                                                                                    .build())
                                                                        .toList())))))
            .metricDataResults();
    assertThat(results).as(name).hasSize(1);
    assertThat(results.get(0).values()).as(name + " " + dimensions).isNotEmpty();
    return results.get(0).values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
