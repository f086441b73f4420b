package com.salestalk.infra.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link StackDeployer#main(String[])}.
 *
 * @param template the template file
 * @param stackName the stack, by default {@code salestalk-<EnvironmentName>}
 * @param parameters parameter values given with {@code --parameter Key=Value}
 * @param outputsFile where to write the stack outputs (properties), or null
 * @param appConfigFile where to write the apps' {@code salestalk.aws.*} configuration, or null
 * @param templateBucket S3 bucket to pass the template through, or null to send it inline
 * @param timeout how long to wait for the stack
 * @param endpoint endpoint override ({@code --endpoint}, else {@code AWS_ENDPOINT_URL}), or null
 * @param region the region ({@code --region}, else {@code AWS_REGION}, {@code AWS_DEFAULT_REGION},
 *     {@code us-east-1})
 * @param dummyCredentials whether to use the emulator's {@code test}/{@code test} credentials (an
 *     endpoint override without {@code AWS_ACCESS_KEY_ID})
 * @param emulatorAlarms whether to create the template's alarms the emulator skipped ({@code
 *     --emulator-alarms}; needs an endpoint override)
 */
record DeployOptions(
    Path template,
    String stackName,
    Map<String, String> parameters,
    Path outputsFile,
    Path appConfigFile,
    String templateBucket,
    Duration timeout,
    URI endpoint,
    String region,
    boolean dummyCredentials,
    boolean emulatorAlarms) {

  static final String USAGE =
      """
      usage: StackDeployer [--template infra/template.yaml] [--stack-name NAME]
                           [--parameter Key=Value]... [--outputs-file FILE] [--app-config-file FILE]
                           [--template-bucket BUCKET] [--timeout SECONDS]
                           [--endpoint URL] [--region REGION] [--emulator-alarms]""";

  static DeployOptions parse(String[] args, Map<String, String> env) {
    Path template = Path.of("infra/template.yaml");
    String stackName = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    Path outputs = null;
    Path appConfig = null;
    String bucket = null;
    Duration timeout = Duration.ofSeconds(300);
    String endpoint = env.get("AWS_ENDPOINT_URL");
    String region =
        env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
    boolean emulatorAlarms = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--emulator-alarms")) {
        emulatorAlarms = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--template" -> template = Path.of(value);
        case "--stack-name" -> stackName = value;
        case "--parameter" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--parameter needs Key=Value, got " + value);
          }
          parameters.put(value.substring(0, eq), value.substring(eq + 1));
        }
        case "--outputs-file" -> outputs = Path.of(value);
        case "--app-config-file" -> appConfig = Path.of(value);
        case "--template-bucket" -> bucket = value;
        case "--timeout" -> {
          try {
            timeout = Duration.ofSeconds(Long.parseLong(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout needs seconds, got " + value);
          }
        }
        case "--endpoint" -> endpoint = value;
        case "--region" -> region = value;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (stackName == null) {
      stackName = "salestalk-" + parameters.getOrDefault("EnvironmentName", "local");
    }
    boolean blankEndpoint = endpoint == null || endpoint.isBlank();
    if (emulatorAlarms && blankEndpoint) {
      throw new IllegalArgumentException(
          "--emulator-alarms is for an emulator only: it needs --endpoint or AWS_ENDPOINT_URL");
    }
    return new DeployOptions(
        template,
        stackName,
        parameters,
        outputs,
        appConfig,
        bucket,
        timeout,
        blankEndpoint ? null : URI.create(endpoint),
        region,
        !blankEndpoint && env.get("AWS_ACCESS_KEY_ID") == null,
        emulatorAlarms);
  }
}
