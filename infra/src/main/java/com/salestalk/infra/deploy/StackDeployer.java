package com.salestalk.infra.deploy;

import com.salestalk.infra.template.CfnTemplate;
import com.salestalk.infra.template.Intrinsics;
import com.salestalk.infra.template.Monitoring;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Deploys {@code infra/template.yaml} as one stack, idempotently: creates it when missing, updates
 * it when the template or the parameters changed, leaves it alone otherwise; waits (bounded) for
 * the stack to settle and returns the outputs. On an emulator, and only when asked ({@link
 * AlarmMode#RECREATE_ON_EMULATOR}), it then creates the template's alarms moto skipped.
 *
 * <p>Command line ({@code ./salestalk up} runs it; see {@link #main(String[])} and docs/infra.md):
 *
 * <pre>
 * java -jar infra/target/infra-*-exec.jar [--template infra/template.yaml] [--stack-name NAME]
 *     [--parameter Key=Value]... [--outputs-file F] [--app-config-file F]
 *     [--template-bucket BUCKET] [--timeout SECONDS] [--endpoint URL] [--region REGION]
 *     [--emulator-alarms]
 * </pre>
 */
public final class StackDeployer {

  /** Largest template CreateStack accepts inline; larger ones go through S3 on AWS. */
  public static final int MAX_TEMPLATE_BODY_BYTES = 51_200;

  private static final Set<String> CREATED_FAILED =
      Set.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "CREATE_FAILED");

  private final CloudFormationClient cloudFormation;
  private final CloudWatchClient cloudWatch;
  private final S3Client s3;
  private final Duration timeout;
  private final PrintStream log;
  private final AlarmMode alarms;

  /**
   * Creates a deployer.
   *
   * @param cloudFormation the CloudFormation client
   * @param cloudWatch the CloudWatch client of an emulator, for {@link
   *     AlarmMode#RECREATE_ON_EMULATOR}; may be null with {@link AlarmMode#CLOUDFORMATION}
   * @param s3 an S3 client for {@code templateBucket} uploads; may be null when none is used
   * @param timeout how long to wait for the stack to settle before failing
   * @param log where progress lines go
   * @param alarms who creates the template's alarms
   * @throws IllegalArgumentException when alarms are to be re-created with a CloudWatch client that
   *     has no endpoint override (that is, against AWS)
   */
  public StackDeployer(
      CloudFormationClient cloudFormation,
      CloudWatchClient cloudWatch,
      S3Client s3,
      Duration timeout,
      PrintStream log,
      AlarmMode alarms) {
    if (alarms == AlarmMode.RECREATE_ON_EMULATOR
        && (cloudWatch == null
            || cloudWatch.serviceClientConfiguration().endpointOverride().isEmpty())) {
      throw new IllegalArgumentException(
          "alarms are re-created on an emulator only: the CloudWatch client needs an endpoint"
              + " override");
    }
    this.cloudFormation = cloudFormation;
    this.cloudWatch = cloudWatch;
    this.s3 = s3;
    this.timeout = timeout;
    this.log = log;
    this.alarms = Objects.requireNonNull(alarms, "alarms");
  }

  /**
   * Creates or updates the stack and waits until it is complete; with {@link
   * AlarmMode#RECREATE_ON_EMULATOR}, then creates the template's alarms that do not exist.
   *
   * @param stackName the stack
   * @param templateFile the template
   * @param parameters parameter values; the template's defaults fill the rest
   * @param templateBucket an S3 bucket to upload the template to (needed on AWS for templates over
   *     {@value #MAX_TEMPLATE_BODY_BYTES} bytes), or null to send it inline
   * @return what was done, with the stack's outputs
   * @throws DeployException when the stack does not end complete in time
   */
  public DeployResult deploy(
      String stackName, Path templateFile, Map<String, String> parameters, String templateBucket) {
    Instant start = Instant.now();
    String body = read(templateFile);
    CfnTemplate template = CfnTemplate.parse(body);
    Map<String, String> desired = new LinkedHashMap<>(template.parameterDefaults());
    desired.putAll(parameters);

    Stack found = settled(describe(stackName), stackName);
    if (found != null && CREATED_FAILED.contains(found.stackStatusAsString())) {
      String failedId = found.stackId();
      log.println(
          "stack "
              + stackName
              + " is "
              + found.stackStatusAsString()
              + " (failed create): deleting it");
      cloudFormation.deleteStack(b -> b.stackName(failedId));
      waitUntilSettled(failedId, Instant.now());
      found = null;
    }
    Stack existing = found;

    DeployResult.Action action;
    Instant operationStart = Instant.now();
    List<Parameter> given =
        parameters.entrySet().stream()
            .map(
                e ->
                    Parameter.builder()
                        .parameterKey(e.getKey())
                        .parameterValue(e.getValue())
                        .build())
            .toList();
    // exactly one of the two is set; the SDK leaves a null member out of the request
    String templateUrl = templateBucket == null ? null : upload(templateBucket, stackName, body);
    String templateBody = templateUrl == null ? body : null;
    if (existing == null) {
      log.println("creating stack " + stackName + " ...");
      cloudFormation.createStack(
          b ->
              b.stackName(stackName)
                  .parameters(given)
                  .templateURL(templateUrl)
                  .templateBody(templateBody));
      action = DeployResult.Action.CREATED;
    } else if (deployedTemplate(stackName).equals(body)
        && deployedParameters(existing).equals(desired)) {
      action = DeployResult.Action.UNCHANGED;
    } else {
      log.println("updating stack " + stackName + " ...");
      try {
        cloudFormation.updateStack(
            b ->
                b.stackName(stackName)
                    .parameters(given)
                    .templateURL(templateUrl)
                    .templateBody(templateBody));
        action = DeployResult.Action.UPDATED;
      } catch (CloudFormationException e) {
        if (!String.valueOf(e.awsErrorDetails().errorMessage())
            .contains("No updates are to be performed")) {
          throw e;
        }
        action = DeployResult.Action.UNCHANGED;
      }
    }

    Stack stack =
        action == DeployResult.Action.UNCHANGED
            ? existing
            : waitUntilSettled(stackName, operationStart);
    String status = stack.stackStatusAsString();
    if (action != DeployResult.Action.UNCHANGED
        && !status.equals("CREATE_COMPLETE")
        && !status.equals("UPDATE_COMPLETE")) {
      throw new DeployException(
          "stack " + stackName + " ended " + status + failures(stackName, operationStart));
    }

    Map<String, String> outputs = outputs(stack, template);
    List<String> created =
        alarms == AlarmMode.RECREATE_ON_EMULATOR
            ? new AlarmReconciler(cloudWatch).ensure(monitoring(template, stack))
            : List.of();
    return new DeployResult(
        stackName, action, status, outputs, created, Duration.between(start, Instant.now()));
  }

  private Monitoring monitoring(CfnTemplate template, Stack stack) {
    Map<String, String> physicalIds = new LinkedHashMap<>();
    for (StackResourceSummary r :
        cloudFormation
            .listStackResourcesPaginator(b -> b.stackName(stack.stackId()))
            .stackResourceSummaries()) {
      if (r.physicalResourceId() != null && !r.physicalResourceId().isEmpty()) {
        physicalIds.put(r.logicalResourceId(), r.physicalResourceId());
      }
    }
    String[] arn = stack.stackId().split(":");
    Intrinsics intrinsics =
        Intrinsics.of(
            template, deployedParameters(stack), arn[3], arn[4], stack.stackName(), physicalIds);
    return Monitoring.of(template, intrinsics);
  }

  private Stack describe(String stackName) {
    try {
      return cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().get(0);
    } catch (CloudFormationException e) {
      if (String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        return null;
      }
      throw e;
    }
  }

  /** Waits for a stack found in progress (another deploy, or a delete) to settle. */
  private Stack settled(Stack stack, String stackName) {
    if (stack == null || !stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
      return stack;
    }
    log.println("stack " + stackName + " is " + stack.stackStatusAsString() + "; waiting ...");
    return waitUntilSettled(stack.stackId(), Instant.now());
  }

  private Stack waitUntilSettled(String stackNameOrId, Instant since) {
    Instant deadline = since.plus(timeout);
    long pause = 200;
    while (true) {
      Stack stack = describe(stackNameOrId);
      if (stack == null || !stack.stackStatusAsString().endsWith("_IN_PROGRESS")) {
        return stack;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DeployException(
            "stack "
                + stackNameOrId
                + " still "
                + stack.stackStatusAsString()
                + " after "
                + timeout.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeployException("interrupted while waiting for stack " + stackNameOrId);
      }
      pause = Math.min(pause * 2, 5_000);
    }
  }

  private String failures(String stackName, Instant since) {
    List<String> reasons = new ArrayList<>();
    try {
      for (StackEvent e :
          cloudFormation.describeStackEventsPaginator(b -> b.stackName(stackName)).stackEvents()) {
        if (e.timestamp() != null && e.timestamp().isBefore(since.minusSeconds(5))) {
          break;
        }
        if (e.resourceStatusAsString() != null && e.resourceStatusAsString().endsWith("_FAILED")) {
          reasons.add(
              e.logicalResourceId()
                  + " "
                  + e.resourceStatusAsString()
                  + ": "
                  + e.resourceStatusReason());
        }
      }
    } catch (CloudFormationException e) {
      reasons.add("(stack events unavailable: " + e.getMessage() + ")");
    }
    return reasons.isEmpty() ? "" : "\n  " + String.join("\n  ", reasons);
  }

  private String deployedTemplate(String stackName) {
    return cloudFormation
        .getTemplate(b -> b.stackName(stackName).templateStage(TemplateStage.ORIGINAL))
        .templateBody();
  }

  private static Map<String, String> deployedParameters(Stack stack) {
    Map<String, String> out = new LinkedHashMap<>();
    stack.parameters().forEach(p -> out.put(p.parameterKey(), p.parameterValue()));
    return out;
  }

  private static Map<String, String> outputs(Stack stack, CfnTemplate template) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Output o : stack.outputs()) {
      byKey.put(o.outputKey(), o.outputValue());
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String key : template.outputs().keySet()) {
      if (byKey.containsKey(key)) {
        ordered.put(key, byKey.remove(key));
      }
    }
    ordered.putAll(byKey);
    return ordered;
  }

  private String upload(String bucket, String stackName, String body) {
    if (s3 == null) {
      throw new IllegalStateException("a template bucket needs an S3 client");
    }
    String key =
        "cloudformation/" + stackName + "/template-" + Instant.now().toEpochMilli() + ".yaml";
    s3.putObject(
        b -> b.bucket(bucket).key(key), RequestBody.fromString(body, StandardCharsets.UTF_8));
    // the virtual-hosted S3 URL CloudFormation fetches from (moto resolves it from its own S3)
    String url =
        "https://%s.s3.%s.amazonaws.com/%s"
            .formatted(bucket, s3.serviceClientConfiguration().region().id(), key);
    log.println("template uploaded to " + url);
    return url;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deploys from the command line, prints the outputs and writes them to the files asked for. Exit
   * status 0 when the stack is complete, 1 when the deploy failed, 2 for bad arguments.
   *
   * @param args see the class documentation
   */
  public static void main(String[] args) {
    DeployOptions options;
    try {
      options = DeployOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("stack-deployer: " + e.getMessage());
      System.err.println(DeployOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out, System.err));
  }

  static int run(DeployOptions options, PrintStream out, PrintStream err) {
    try (CloudFormationClient cfn = configure(CloudFormationClient.builder(), options).build();
        CloudWatchClient cw = configure(CloudWatchClient.builder(), options).build();
        SqsClient sqs = configure(SqsClient.builder(), options).build();
        S3Client s3 =
            configure(S3Client.builder(), options)
                .forcePathStyle(options.endpoint() != null)
                .build()) {
      StackDeployer deployer =
          new StackDeployer(
              cfn,
              cw,
              s3,
              options.timeout(),
              out,
              options.emulatorAlarms() ? AlarmMode.RECREATE_ON_EMULATOR : AlarmMode.CLOUDFORMATION);
      DeployResult result =
          deployer.deploy(
              options.stackName(),
              options.template(),
              options.parameters(),
              options.templateBucket());
      out.printf(
          "stack %s: %s (%s) in %.1f s%n",
          result.stackName(),
          result.status(),
          result.action().name().toLowerCase(java.util.Locale.ROOT),
          result.elapsed().toMillis() / 1000.0);
      if (!result.alarmsCreated().isEmpty()) {
        out.printf(
            "alarms: created %d missing alarm(s) with PutMetricAlarm%n",
            result.alarmsCreated().size());
      }
      int width = result.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
      result.outputs().forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, v));
      if (options.outputsFile() != null) {
        PropertiesFile.write(
            options.outputsFile(), "stack outputs of " + result.stackName(), result.outputs());
      }
      if (options.appConfigFile() != null) {
        Map<String, String> config =
            AppConfiguration.properties(
                result.outputs(), name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
        config.put(AppConfiguration.PREFIX + "region", options.region());
        if (options.endpoint() != null) {
          config.put(AppConfiguration.PREFIX + "endpoint", options.endpoint().toString());
        }
        PropertiesFile.write(
            options.appConfigFile(), "app configuration from stack " + result.stackName(), config);
      }
      return 0;
    } catch (DeployException e) {
      err.println("deploy failed: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("deploy failed: " + e);
      return 1;
    }
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, DeployOptions options) {
    builder.region(Region.of(options.region()));
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
      if (options.dummyCredentials()) {
        builder.credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
      }
    }
    return builder;
  }
}
