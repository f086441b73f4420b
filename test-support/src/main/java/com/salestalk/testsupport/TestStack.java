package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.infra.deploy.AlarmMode;
import com.salestalk.infra.deploy.DeployResult;
import com.salestalk.infra.deploy.StackDeployer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/template.yaml} deployed into the emulator under a unique environment name with
 * {@link StackDeployer} (as {@code ./salestalk up} deploys it: with the template's alarms, which
 * the emulator skips, re-created), plus a {@link Tap}: a queue with a rule that receives every
 * SalesTalk event on the stack's bus.
 *
 * <p>{@link ServiceIntegrationTest} deploys one per test class and gives it to the test as a bean;
 * tests without Spring call {@link #deploy(AwsEndpoint)} themselves.
 */
public final class TestStack implements AutoCloseable {

  /** Event pattern of the tap's rule: every event a SalesTalk service publishes. */
  static final String TAP_PATTERN = "{\"source\": [{\"prefix\": \"salestalk.\"}]}";

  private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(120);

  private final AwsEndpoint aws;
  private final String env;
  private final Map<String, String> outputs;
  private final SqsClient sqs;
  private final Tap tap;

  private TestStack(
      AwsEndpoint aws, String env, Map<String, String> outputs, SqsClient sqs, Tap tap) {
    this.aws = aws;
    this.env = env;
    this.outputs = outputs;
    this.sqs = sqs;
    this.tap = tap;
  }

  /**
   * Deploys the repository's template (found from the working directory upwards) under a fresh
   * environment name and adds the tap.
   *
   * @param aws the endpoint
   * @return the deployed stack; close it to release its SQS client
   */
  public static TestStack deploy(AwsEndpoint aws) {
    return deploy(aws, StackTemplate.find());
  }

  /**
   * Deploys a template under a fresh environment name and adds the tap.
   *
   * @param aws the endpoint
   * @param template the CloudFormation template
   * @return the deployed stack; close it to release its SQS client
   */
  public static TestStack deploy(AwsEndpoint aws, Path template) {
    String env = "t" + UUID.randomUUID().toString().substring(0, 8);
    DeployResult result;
    try (CloudFormationClient cloudFormation =
            aws.configure(CloudFormationClient.builder()).build();
        CloudWatchClient cloudWatch = aws.configure(CloudWatchClient.builder()).build()) {
      result =
          new StackDeployer(
                  cloudFormation,
                  cloudWatch,
                  null,
                  DEPLOY_TIMEOUT,
                  new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                  AlarmMode.RECREATE_ON_EMULATOR)
              .deploy(
                  "salestalk-" + env,
                  template,
                  Map.of("EnvironmentName", env, "EventBusName", "salestalk-" + env),
                  null);
    }
    SqsClient sqs = aws.configure(SqsClient.builder()).build();
    Tap tap = addTap(aws, sqs, env, result.outputs().get("BusName"));
    return new TestStack(aws, env, result.outputs(), sqs, tap);
  }

  /** A queue {@code {env}-tap} and a rule sending every SalesTalk event on the bus to it. */
  private static Tap addTap(AwsEndpoint aws, SqsClient sqs, String env, String bus) {
    String url = sqs.createQueue(b -> b.queueName(env + "-tap")).queueUrl();
    String queueArn = AwsResources.arn(sqs, url);
    String rule = env + "-tap-all";
    try (EventBridgeClient events = aws.configure(EventBridgeClient.builder()).build()) {
      String ruleArn =
          events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(TAP_PATTERN)).ruleArn();
      sqs.setQueueAttributes(
          b ->
              b.queueUrl(url)
                  .attributes(Map.of(QueueAttributeName.POLICY, sendPolicy(queueArn, ruleArn))));
      events.putTargets(
          b -> b.rule(rule).eventBusName(bus).targets(t -> t.id("tap").arn(queueArn)));
    }
    return new Tap(sqs, url);
  }

  /** Lets the rule (and only it) send to the queue, as the template's queue policies do. */
  private static String sendPolicy(String queueArn, String ruleArn) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\""
        + queueArn
        + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\""
        + ruleArn
        + "\"}}}]}";
  }

  /** The endpoint the stack lives on. */
  public AwsEndpoint aws() {
    return aws;
  }

  /** The environment name: the prefix of every table and queue of the stack. */
  public String env() {
    return env;
  }

  /** The stack outputs by output name, in template order. */
  public Map<String, String> outputs() {
    return outputs;
  }

  /**
   * One stack output, e.g. {@code output("TenantsTableName")}.
   *
   * @throws IllegalArgumentException when the stack has no such output
   */
  public String output(String name) {
    String value = outputs.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no stack output " + name + " in " + outputs.keySet());
    }
    return value;
  }

  /** The bus (output {@code BusName}). */
  public String bus() {
    return output("BusName");
  }

  /** The URL the endpoint serves for a consumer's queue, e.g. {@code queueUrl("analytics")}. */
  public String queueUrl(String consumer) {
    return sqs.getQueueUrl(b -> b.queueName(env + "-" + consumer + "-queue")).queueUrl();
  }

  /** Receives and deletes every message now in a queue. */
  public List<Message> drain(String queueUrl) {
    return AwsResources.drain(sqs, queueUrl);
  }

  /**
   * The events each consumer queue received: those of one tenant, and those of every other tenant
   * (other tests' tenants share the queues).
   *
   * @param ofTenant EventBridge events of the tenant, by consumer
   * @param ofOthers EventBridge events of other tenants, by consumer
   */
  public record RoutedEvents(
      Map<String, List<JsonNode>> ofTenant, Map<String, List<JsonNode>> ofOthers) {}

  /**
   * Drains every catalog consumer's queue until exactly {@code expected} events of {@code tenantId}
   * arrived in each (none in a consumer not named), then keeps draining for {@code quiet} and
   * requires the counts to stay so.
   *
   * @param tenantId whose events to count
   * @param expected events of the tenant per consumer queue
   * @param quiet how long nothing more may arrive
   * @return every event drained, the tenant's and the others'
   */
  public RoutedEvents awaitRouted(String tenantId, Map<String, Integer> expected, Duration quiet) {
    Map<String, List<JsonNode>> ofTenant = new TreeMap<>();
    Map<String, List<JsonNode>> ofOthers = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (String consumer : EventCatalog.standard().consumers()) {
      ofTenant.put(consumer, new ArrayList<>());
      ofOthers.put(consumer, new ArrayList<>());
      counts.put(consumer, expected.getOrDefault(consumer, 0));
    }
    Runnable drainAndCheck =
        () -> {
          for (String consumer : ofTenant.keySet()) {
            for (Message message : drain(queueUrl(consumer))) {
              JsonNode event = JsonMapper.shared().readTree(message.body());
              boolean mine = tenantId.equals(event.get("detail").get("tenantId").asString());
              (mine ? ofTenant : ofOthers).get(consumer).add(event);
            }
          }
          Map<String, Integer> received = new TreeMap<>();
          ofTenant.forEach((consumer, events) -> received.put(consumer, events.size()));
          assertThat(received).as("events of " + tenantId + " per queue").isEqualTo(counts);
        };
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(drainAndCheck::run);
    await()
        .during(quiet)
        .atMost(quiet.plusSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(drainAndCheck::run);
    return new RoutedEvents(ofTenant, ofOthers);
  }

  /**
   * Puts an event on the stack's bus as its producer would (source {@code salestalk.<source>},
   * detail-type the event type, detail the envelope JSON), so the template's rules route it. The
   * event is not validated here: tests may send what a producer never would.
   *
   * @throws AssertionError when EventBridge does not accept the entry
   */
  public void publish(EventEnvelope event) {
    publish(
        event.eventType().toString(),
        EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source(),
        EnvelopeJson.toJson(event));
  }

  /**
   * Puts an entry on the stack's bus exactly as given.
   *
   * @throws AssertionError when EventBridge does not accept the entry
   */
  public void publish(String detailType, String source, String detailJson) {
    try (EventBridgeClient events = aws.configure(EventBridgeClient.builder()).build()) {
      PutEventsResponse response =
          events.putEvents(
              b ->
                  b.entries(
                      e ->
                          e.eventBusName(bus())
                              .source(source)
                              .detailType(detailType)
                              .detail(detailJson)));
      assertThat(response.failedEntryCount()).as("PutEvents failures").isZero();
    }
  }

  /** Sends a message body straight to a consumer's queue, e.g. one no producer could publish. */
  public void sendToQueue(String consumer, String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl(consumer)).messageBody(body));
  }

  /** The URL of a consumer's dead-letter queue, e.g. {@code dlqUrl("analytics")}. */
  public String dlqUrl(String consumer) {
    return sqs.getQueueUrl(b -> b.queueName(env + "-" + consumer + "-dlq")).queueUrl();
  }

  /**
   * Waits until exactly {@code expected} messages are in a consumer's dead-letter queue and returns
   * them (received and deleted).
   */
  public List<Message> awaitDeadLettered(String consumer, int expected, Duration atMost) {
    List<Message> received = new ArrayList<>();
    String url = dlqUrl(consumer);
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              AwsResources.drainOnce(sqs, url, received);
              assertThat(received).as("dead-lettered by " + consumer).hasSize(expected);
            });
    return received;
  }

  /** The queue that receives every SalesTalk event on the bus. */
  public Tap tap() {
    return tap;
  }

  /**
   * What {@code ./salestalk up} passes to a service for this stack: the endpoint, region and
   * credentials for Spring Cloud AWS, and every output as {@code salestalk.aws.<kebab-case-name>}.
   */
  public Map<String, String> applicationProperties() {
    return StackProperties.of(
        aws, outputs, name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
  }

  /** Releases the SQS client; the stack stays (the emulator is reset between test classes). */
  @Override
  public void close() {
    sqs.close();
  }
}
