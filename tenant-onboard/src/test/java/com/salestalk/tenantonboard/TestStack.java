package com.salestalk.tenantonboard;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.infra.deploy.DeployResult;
import com.salestalk.infra.deploy.StackDeployer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * infra/template.yaml deployed into the emulator under a unique environment name, plus a "tap": an
 * SQS queue with a rule that matches every SalesTalk event on the bus, so a test can see everything
 * that was published.
 */
public final class TestStack {

  /** The template, relative to the module directory tests run in. */
  public static final Path TEMPLATE = Path.of("..", "infra", "template.yaml");

  private final String env;
  private final String bus;
  private final Map<String, String> outputs;
  private final SqsClient sqs;
  private final String tapUrl;

  private TestStack(
      String env, String bus, Map<String, String> outputs, SqsClient sqs, String tapUrl) {
    this.env = env;
    this.bus = bus;
    this.outputs = outputs;
    this.sqs = sqs;
    this.tapUrl = tapUrl;
  }

  /** Deploys the template under a fresh environment name and adds the tap. */
  public static TestStack deploy(AwsEndpoint aws) {
    String env = "to" + UUID.randomUUID().toString().substring(0, 6);
    String bus = "salestalk-" + env;
    DeployResult result;
    try (CloudFormationClient cloudFormation =
            aws.configure(CloudFormationClient.builder()).build();
        CloudWatchClient cloudWatch = aws.configure(CloudWatchClient.builder()).build()) {
      result =
          new StackDeployer(
                  cloudFormation,
                  cloudWatch,
                  null,
                  Duration.ofSeconds(120),
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
              .deploy(
                  "salestalk-" + env,
                  TEMPLATE,
                  Map.of("EnvironmentName", env, "EventBusName", bus),
                  null);
    }
    SqsClient sqs = aws.configure(SqsClient.builder()).build();
    String tapName = env + "-tap";
    String tapUrl = sqs.createQueue(b -> b.queueName(tapName)).queueUrl();
    String tapArn =
        sqs.getQueueAttributes(b -> b.queueUrl(tapUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    try (EventBridgeClient events = aws.configure(EventBridgeClient.builder()).build()) {
      String ruleArn =
          events
              .putRule(
                  b ->
                      b.name(env + "-tap-all")
                          .eventBusName(bus)
                          .eventPattern("{\"source\": [{\"prefix\": \"salestalk.\"}]}"))
              .ruleArn();
      sqs.setQueueAttributes(
          b ->
              b.queueUrl(tapUrl)
                  .attributes(
                      Map.of(
                          QueueAttributeName.POLICY,
                          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                              + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                              + "\"Action\":\"sqs:SendMessage\",\"Resource\":\""
                              + tapArn
                              + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\""
                              + ruleArn
                              + "\"}}}]}")));
      events.putTargets(
          b -> b.rule(env + "-tap-all").eventBusName(bus).targets(t -> t.id("tap").arn(tapArn)));
    }
    return new TestStack(env, bus, result.outputs(), sqs, tapUrl);
  }

  /** The environment name (table and queue prefix). */
  public String env() {
    return env;
  }

  /** The bus name. */
  public String bus() {
    return bus;
  }

  /** A stack output. */
  public String output(String name) {
    String value = outputs.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no stack output " + name + " in " + outputs.keySet());
    }
    return value;
  }

  /** The URL of a consumer's queue, as the endpoint serves it. */
  public String queueUrl(String consumer) {
    return sqs.getQueueUrl(b -> b.queueName(env + "-" + consumer + "-queue")).queueUrl();
  }

  /** The tap's URL. */
  public String tapUrl() {
    return tapUrl;
  }

  /** Receives and deletes every message now in a queue. */
  public List<Message> drain(String queueUrl) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (batch.isEmpty()) {
        return all;
      }
      for (Message m : batch) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
      all.addAll(batch);
    }
  }
}
