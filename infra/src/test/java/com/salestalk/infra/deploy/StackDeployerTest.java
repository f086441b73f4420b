package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

class StackDeployerTest {

  @Test
  void refusesToReCreateAlarmsWithACloudWatchClientOfAws() {
    try (CloudWatchClient aws =
        CloudWatchClient.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      PrintStream log =
          new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      assertThatThrownBy(
              () ->
                  new StackDeployer(
                      null, aws, null, Duration.ofSeconds(1), log, AlarmMode.RECREATE_ON_EMULATOR))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "alarms are re-created on an emulator only: the CloudWatch client needs an endpoint"
                  + " override");
      assertThatThrownBy(
              () ->
                  new StackDeployer(
                      null, null, null, Duration.ofSeconds(1), log, AlarmMode.RECREATE_ON_EMULATOR))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
