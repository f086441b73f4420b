package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.infra.template.CfnTemplate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Runs {@code ./salestalk up}, {@code status}, {@code env} and {@code down} on a free emulator port
 * with its own state folder (so a developer's running environment is never touched), and checks
 * that {@code down} leaves none of the processes {@code up} started.
 */
class LocalEnvironmentIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Path state;
  private Path services;
  private int port;

  @BeforeEach
  void freshStateAndPort() throws IOException {
    Path target = Files.createDirectories(Path.of("target"));
    state = Files.createTempDirectory(target.toAbsolutePath(), "salestalk-state-");
    services =
        Files.writeString(state.resolveSibling(state.getFileName() + ".services"), "# none\n");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
  }

  @AfterEach
  void downAnyway() throws Exception {
    salestalk("down");
  }

  @Test
  void upStartsTheEmulatorAndDeploysTheStackOnceAndDownLeavesNothingBehind() throws Exception {
    String token = "admin-token-given-to-up-0123456789";
    Result up = salestalk("up", "SALESTALK_ADMIN_TOKEN", token);
    assertThat(up.exit()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("[2/4] emulator: moto on http://127.0.0.1:" + port)
        .contains("[3/4] deploy: stack salestalk-local: CREATE_COMPLETE (created)")
        .contains(
            "alarms: created "
                + alarmCount()
                + " missing alarm(s) with PutMetricAlarm (the emulator skips CloudFormation"
                + " alarms)")
        .contains("SalesTalk is up in ")
        .contains("admin token    " + token + "\n")
        .contains("stop           ./salestalk down");
    long pid = Long.parseLong(Files.readString(state.resolve("pids/emulator.pid")).split("\t")[0]);
    ProcessHandle emulator = ProcessHandle.of(pid).orElseThrow();
    List<ProcessHandle> started =
        java.util.stream.Stream.concat(java.util.stream.Stream.of(emulator), emulator.descendants())
            .toList();

    try (CloudFormationClient cfn = cloudFormation()) {
      assertThat(
              cfn.describeStacks(b -> b.stackName("salestalk-local"))
                  .stacks()
                  .get(0)
                  .stackStatusAsString())
          .isEqualTo("CREATE_COMPLETE");
    }
    try (CloudWatchClient cloudWatch = client(CloudWatchClient.builder())) {
      assertThat(cloudWatch.describeAlarms(b -> b.alarmNamePrefix("local-")).metricAlarms())
          .hasSize(alarmCount());
    }
    assertThat(Files.readString(state.resolve("stack-outputs.properties")))
        .contains("OutboxTableName=local-outbox\n");
    assertThat(Files.readString(state.resolve("aws.properties")))
        .contains(
            "salestalk.aws.insights-queue-url=http://127.0.0.1:"
                + port
                + "/123456789012/local-insights-queue\n");

    Result again = salestalk("up");
    assertThat(again.exit()).isZero();
    assertThat(again.output())
        .startsWith("SalesTalk is already running (emulator); nothing started.");
    assertThat(ProcessHandle.of(pid)).isPresent();

    assertThat(salestalk("status").output())
        .contains("emulator         running  pid " + pid)
        .contains("  InsightsQueueName            local-insights-queue");
    // another shell, without SALESTALK_ADMIN_TOKEN: the token the running services use
    assertThat(salestalk("env").output())
        .contains("export AWS_ENDPOINT_URL=http://127.0.0.1:" + port + "\n")
        .contains("export SALESTALK_ADMIN_TOKEN=" + token + "\n")
        .contains("export SALESTALK_TENANT_ONBOARD_URL=http://127.0.0.1:8083\n");

    Result down = salestalk("down");
    assertThat(down.exit()).isZero();
    assertThat(down.output()).isEqualTo("stopped emulator (pid " + pid + ")\n");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
    assertThat(listening(port)).as("emulator port still open").isFalse();
    assertThat(state.resolve("pids/emulator.pid")).doesNotExist();
    assertThat(salestalk("down").output())
        .isEqualTo("SalesTalk is not running; nothing to stop.\n");
    // nothing runs: the token the next `up` would use, generated once and kept
    assertThat(salestalk("env").output())
        .contains(
            "export SALESTALK_ADMIN_TOKEN="
                + Files.readString(state.resolve("admin-token"))
                + "\n");
  }

  @Test
  void upSaysWhichStepFailedAndWhereItsLogIs() throws Exception {
    try (ServerSocket busy = new ServerSocket(port)) {
      Result up = salestalk("up");
      assertThat(up.exit()).isEqualTo(1);
      assertThat(up.output())
          .contains(
              "salestalk: step 'emulator' failed: port "
                  + port
                  + " is already in use by another process; set SALESTALK_EMULATOR_PORT,"
                  + " or AWS_ENDPOINT_URL to use that endpoint");
      assertThat(state.resolve("pids/emulator.pid")).doesNotExist();
    }
  }

  private CloudFormationClient cloudFormation() {
    return client(CloudFormationClient.builder());
  }

  private <C> C client(AwsClientBuilder<?, C> builder) {
    return builder
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  private static int alarmCount() {
    return CfnTemplate.load(ROOT.resolve(CfnTemplate.PATH))
        .resources("AWS::CloudWatch::Alarm")
        .size();
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private record Result(int exit, String output) {}

  /**
   * Runs {@code ./salestalk command} with this test's state folder, ports and services, and the
   * given environment variables (name, value, …).
   */
  private Result salestalk(String command, String... variables) throws Exception {
    Path out = Files.createTempFile(state.getParent(), "salestalk-" + command + "-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(ROOT.resolve("salestalk").toString(), command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = pb.environment();
    env.remove("AWS_ENDPOINT_URL");
    env.remove("SALESTALK_ADMIN_TOKEN");
    env.put("SALESTALK_EMULATOR_PORT", Integer.toString(port));
    env.put("SALESTALK_STATE_DIR", state.toString());
    env.put("SALESTALK_SERVICES_FILE", services.toString());
    env.put("SALESTALK_SKIP_BUILD", "1");
    for (int i = 0; i < variables.length; i += 2) {
      env.put(variables[i], variables[i + 1]);
    }
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS))
        .as("./salestalk " + command + " within 180 s")
        .isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
