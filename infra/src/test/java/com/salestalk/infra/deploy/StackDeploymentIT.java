package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.infra.template.CfnTemplate;
import com.salestalk.infra.template.Intrinsics;
import com.salestalk.infra.template.Monitoring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys infra/template.yaml into the emulator with CloudFormation (through {@link
 * StackDeployer}), publishes one event of every catalog type as the kit's publisher maps it (Source
 * {@code salestalk.<source>}, DetailType the event type, Detail the envelope) and finds each in
 * exactly its catalog consumers' queues, and none claiming another producer's type anywhere. The
 * template's alarms exist when the deployer re-creates them for the emulator, and only then.
 */
@AwsEmulatorTest
class StackDeploymentIT {

  private static final Path TEMPLATE = Path.of("template.yaml");
  private static final EventCatalog CATALOG = EventCatalog.standard();

  // unique names, so the test also runs against a shared endpoint (AWS_ENDPOINT_URL)
  private static final String ENV = "it" + UUID.randomUUID().toString().substring(0, 6);
  private static final String BUS = "salestalk-" + ENV;
  private static final String STACK = "salestalk-" + ENV;
  private static final Map<String, String> PARAMETERS =
      Map.of("EnvironmentName", ENV, "EventBusName", BUS);

  private static CloudFormationClient cloudFormation;
  private static CloudWatchClient cloudWatch;
  private static SqsClient sqs;
  private static EventBridgeClient eventBridge;
  private static DeployResult created;
  private static Duration createTook;

  @BeforeAll
  static void deploy(AwsEndpoint aws) {
    cloudFormation = aws.configure(CloudFormationClient.builder()).build();
    cloudWatch = aws.configure(CloudWatchClient.builder()).build();
    sqs = aws.configure(SqsClient.builder()).build();
    eventBridge = aws.configure(EventBridgeClient.builder()).build();
    created = deployer().deploy(STACK, TEMPLATE, PARAMETERS, null);
    createTook = created.elapsed();
  }

  @AfterAll
  static void close() {
    cloudFormation.close();
    cloudWatch.close();
    sqs.close();
    eventBridge.close();
  }

  private static StackDeployer deployer() {
    return deployer(null);
  }

  private static StackDeployer deployer(S3Client s3) {
    return deployer(s3, cloudWatch, AlarmMode.RECREATE_ON_EMULATOR);
  }

  private static StackDeployer deployer(S3Client s3, CloudWatchClient client, AlarmMode alarms) {
    return new StackDeployer(
        cloudFormation,
        client,
        s3,
        Duration.ofSeconds(120),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        alarms);
  }

  @Test
  void createsTheStackWithEveryOutput() {
    assertThat(created.action()).isEqualTo(DeployResult.Action.CREATED);
    assertThat(created.status()).isEqualTo("CREATE_COMPLETE");
    assertThat(created.outputs().keySet())
        .containsExactlyElementsOf(CfnTemplate.load(TEMPLATE).outputs().keySet());
    assertThat(created.outputs())
        .containsEntry("BusName", BUS)
        .containsEntry("EnvironmentName", ENV)
        .containsEntry("OutboxTableName", ENV + "-outbox")
        .containsEntry("InsightsTableName", ENV + "-insights")
        .containsEntry("AnalyticsTableName", ENV + "-analytics")
        .containsEntry("InsightsQueueName", ENV + "-insights-queue")
        .containsEntry("InsightsDlqName", ENV + "-insights-dlq");
    assertThat(createTook).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void routesOneEventOfEachTypeToExactlyItsConsumersQueues() {
    List<EventEnvelope> events = EventSamples.all();
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    events.forEach(e -> entries.add(entry(e, e.source())));
    // claiming another service's type: no rule may route these, so they turn up nowhere
    for (String spoofer : List.of("chat-handler", EventValidator.TEST_HARNESS)) {
      entries.add(entry(EventSamples.of("tenant.provisioned.v1"), spoofer));
    }
    PutEventsResponse response = eventBridge.putEvents(b -> b.entries(entries));
    assertThat(response.failedEntryCount()).as(response.toString()).isZero();
    assertThat(response.entries()).hasSize(CATALOG.entries().size() + 2);

    Map<String, Set<String>> expected = new TreeMap<>();
    Map<String, EventEnvelope> byId = new HashMap<>();
    for (String consumer : CATALOG.consumers()) {
      expected.put(ENV + "-" + consumer + "-queue", new TreeSet<>());
      expected.put(ENV + "-" + consumer + "-dlq", new TreeSet<>());
    }
    for (EventEnvelope e : events) {
      byId.put(e.eventId().toString(), e);
      CatalogEntry entry = CATALOG.require(e.eventType());
      for (String consumer : entry.consumers()) {
        expected.get(ENV + "-" + consumer + "-queue").add(e.eventType().toString());
      }
    }

    Map<String, Set<String>> received = new TreeMap<>();
    expected.keySet().forEach(q -> received.put(q, new TreeSet<>()));
    Map<String, String> urls = new LinkedHashMap<>();
    expected.keySet().forEach(q -> urls.put(q, sqs.getQueueUrl(b -> b.queueName(q)).queueUrl()));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              urls.forEach(
                  (q, url) -> drain(url).forEach(m -> received.get(q).add(typeOf(m, byId))));
              assertThat(received).isEqualTo(expected);
            });
    // nothing else turns up later
    urls.forEach((q, url) -> assertThat(drain(url)).as(q + " after the expected events").isEmpty());
  }

  /** The PutEvents entry of {@code event} (the kit's mapping), sent as from {@code source}. */
  private static PutEventsRequestEntry entry(EventEnvelope event, String source) {
    return PutEventsRequestEntry.builder()
        .eventBusName(BUS)
        .source(EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + source)
        .detailType(event.eventType().toString())
        .detail(EnvelopeJson.toJson(event))
        .build();
  }

  @Test
  void reDeployingIsIdempotentAndUpdatesOnlyOnChange() {
    assertThat(deployer().deploy(STACK, TEMPLATE, PARAMETERS, null).action())
        .isEqualTo(DeployResult.Action.UNCHANGED);
    Map<String, String> changed = new HashMap<>(PARAMETERS);
    changed.put("MaxReceiveCount", "7");
    DeployResult updated = deployer().deploy(STACK, TEMPLATE, changed, null);
    assertThat(updated.action()).isEqualTo(DeployResult.Action.UPDATED);
    assertThat(updated.status()).isEqualTo("UPDATE_COMPLETE");
    assertThat(updated.alarmsCreated()).isEmpty();
    assertThat(deployer().deploy(STACK, TEMPLATE, changed, null).action())
        .isEqualTo(DeployResult.Action.UNCHANGED);
    assertThat(deployer().deploy(STACK, TEMPLATE, PARAMETERS, null).action())
        .isEqualTo(DeployResult.Action.UPDATED);
  }

  @Test
  void withTheEmulatorOptionEveryAlarmOfTheTemplateExists() {
    CfnTemplate template = CfnTemplate.load(TEMPLATE);
    Monitoring monitoring =
        Monitoring.of(
            template,
            Intrinsics.of(
                template, PARAMETERS, aRegion(), Intrinsics.OFFLINE_ACCOUNT, STACK, Map.of()));
    List<String> names = monitoring.alarms().stream().map(Monitoring.Alarm::name).toList();
    Map<String, MetricAlarm> alarms = new HashMap<>();
    cloudWatch
        .describeAlarmsPaginator(b -> b.alarmNamePrefix(ENV + "-"))
        .metricAlarms()
        .forEach(a -> alarms.put(a.alarmName(), a));
    assertThat(alarms.keySet()).containsExactlyInAnyOrderElementsOf(names);
    for (Monitoring.Alarm alarm : monitoring.alarms()) {
      MetricAlarm actual = alarms.get(alarm.name());
      assertThat(actual.threshold()).isEqualTo(alarm.properties().path("Threshold").asDouble());
      assertThat(actual.metrics().size() + (actual.metricName() == null ? 0 : 1))
          .as(alarm.name())
          .isEqualTo(Math.max(alarm.properties().path("Metrics").size(), 1));
    }
    // moto creates none of them: the deployer did, with PutMetricAlarm
    assertThat(created.alarmsCreated()).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void withoutTheEmulatorOptionLeavesAlarmsToCloudFormationAndNeverCallsPutMetricAlarm(
      AwsEndpoint aws) {
    String env = ENV + "cf";
    List<String> calls = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add(context.request().getClass().getSimpleName());
          }
        };
    try (CloudWatchClient recorded =
        aws.configure(CloudWatchClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(recorder))
            .build()) {
      DeployResult result =
          deployEnvironment(deployer(null, recorded, AlarmMode.CLOUDFORMATION), env, null);
      assertThat(result.status()).isEqualTo("CREATE_COMPLETE");
      assertThat(result.alarmsCreated()).isEmpty();
      assertThat(calls).as("CloudWatch requests").isEmpty();
      // moto skipped the template's alarms and nothing made up for it
      assertThat(cloudWatch.describeAlarms(b -> b.alarmNamePrefix(env + "-")).metricAlarms())
          .isEmpty();
    }
  }

  @Test
  void deploysThroughATemplateBucketAsLargeTemplatesNeedOnAws(AwsEndpoint aws) {
    String env = ENV + "s3";
    try (S3Client s3 = aws.configure(S3Client.builder()).build()) {
      String bucket = "cfn-templates-" + env;
      s3.createBucket(b -> b.bucket(bucket));
      DeployResult result = deployEnvironment(deployer(s3), env, bucket);
      assertThat(result.status()).isEqualTo("CREATE_COMPLETE");
      assertThat(result.outputs()).containsEntry("OutboxTableName", env + "-outbox");
      assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
    }
  }

  /** Deploys a stack of its own for environment {@code env}, on a bus of its own. */
  private static DeployResult deployEnvironment(
      StackDeployer deployer, String env, String templateBucket) {
    return deployer.deploy(
        "salestalk-" + env,
        TEMPLATE,
        Map.of("EnvironmentName", env, "EventBusName", "salestalk-" + env),
        templateBucket);
  }

  private static String aRegion() {
    return cloudFormation
        .describeStacks(b -> b.stackName(STACK))
        .stacks()
        .get(0)
        .stackId()
        .split(":")[3];
  }

  private static List<Message> drain(String url) {
    List<Message> messages =
        sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
            .messages();
    for (Message m : messages) {
      sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    }
    return messages;
  }

  /**
   * The event type of a delivered message, after checking it is the event that was published; for
   * any other event (e.g. one claiming another producer's type) its type and source, marked
   * unexpected, so the comparison with what each queue should get fails.
   */
  private static String typeOf(Message message, Map<String, EventEnvelope> published) {
    JsonNode event = JsonMapper.shared().readTree(message.body());
    JsonNode detail = event.required("detail");
    EventEnvelope sent = published.get(detail.required("eventId").asString());
    if (sent == null) {
      return "unexpected: "
          + event.required("detail-type").asString()
          + " from "
          + event.required("source").asString();
    }
    assertThat(event.required("detail-type").asString()).isEqualTo(sent.eventType().toString());
    assertThat(event.required("source").asString()).isEqualTo("salestalk." + sent.source());
    assertThat(detail).isEqualTo(JsonMapper.shared().readTree(EnvelopeJson.toJson(sent)));
    return sent.eventType().toString();
  }
}
