package com.salestalk.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployOptionsTest {

  @Test
  void defaultsToTheLocalStackOfTheRepositoryTemplate() {
    DeployOptions o = DeployOptions.parse(new String[0], Map.of());
    assertThat(o.template()).isEqualTo(Path.of("infra/template.yaml"));
    assertThat(o.stackName()).isEqualTo("salestalk-local");
    assertThat(o.region()).isEqualTo("us-east-1");
    assertThat(o.endpoint()).isNull();
    assertThat(o.dummyCredentials()).isFalse();
    assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(o.emulatorAlarms()).as("never implicitly").isFalse();
  }

  @Test
  void reCreatesAlarmsOnlyWhenAskedAndOnlyWithAnEmulatorEndpoint() {
    assertThat(
            DeployOptions.parse(
                    new String[] {"--emulator-alarms", "--region", "eu-west-1"},
                    Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))
                .emulatorAlarms())
        .isTrue();
    assertThat(
            DeployOptions.parse(new String[0], Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))
                .emulatorAlarms())
        .as("an endpoint alone does not ask for it")
        .isFalse();
    assertThatThrownBy(() -> DeployOptions.parse(new String[] {"--emulator-alarms"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--emulator-alarms is for an emulator only: it needs --endpoint or AWS_ENDPOINT_URL");
  }

  @Test
  void namesTheStackAfterTheEnvironmentAndTakesTheEndpointFromTheEnvironment() {
    DeployOptions o =
        DeployOptions.parse(
            new String[] {"--parameter", "EnvironmentName=dev", "--parameter", "MaxReceiveCount=3"},
            Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_REGION", "eu-west-1"));
    assertThat(o.stackName()).isEqualTo("salestalk-dev");
    assertThat(o.parameters())
        .containsExactly(Map.entry("EnvironmentName", "dev"), Map.entry("MaxReceiveCount", "3"));
    assertThat(o.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    assertThat(o.region()).isEqualTo("eu-west-1");
    assertThat(o.dummyCredentials()).isTrue();
  }

  @Test
  void rejectsUnknownOptionsAndMalformedValues() {
    assertThatThrownBy(() -> DeployOptions.parse(new String[] {"--stack", "x"}, Map.of()))
        .hasMessage("unknown option --stack");
    assertThatThrownBy(() -> DeployOptions.parse(new String[] {"--parameter", "x"}, Map.of()))
        .hasMessage("--parameter needs Key=Value, got x");
    assertThatThrownBy(() -> DeployOptions.parse(new String[] {"--timeout", "soon"}, Map.of()))
        .hasMessage("--timeout needs seconds, got soon");
    assertThatThrownBy(() -> DeployOptions.parse(new String[] {"--template"}, Map.of()))
        .hasMessage("--template needs a value");
  }
}
