package com.salestalk.servicekit.stackoutputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

class StackOutputPropertiesTest {

  private final StackOutputProperties stackOutputs = new StackOutputProperties();

  private static MockEnvironment withOutputs() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty("salestalk.aws.outbox-table-name", "prod-outbox");
    environment.setProperty("salestalk.aws.tenants-table-name", "prod-tenants");
    environment.setProperty("salestalk.aws.idempotency-table-name", "prod-idempotency");
    environment.setProperty("salestalk.aws.bus-name", "salestalk-prod");
    return environment;
  }

  private static Map<String, String> kitProperties(MockEnvironment environment) {
    return Map.of(
        "salestalk.outbox.table", environment.getProperty("salestalk.outbox.table"),
        "salestalk.publisher.bus-name", environment.getProperty("salestalk.publisher.bus-name"),
        "salestalk.auth.tenant-api-keys.table",
            environment.getProperty("salestalk.auth.tenant-api-keys.table"),
        "salestalk.http.idempotency.table",
            environment.getProperty("salestalk.http.idempotency.table"));
  }

  @Test
  void pointsTheTablesAndBusAtTheStackOutputs() {
    MockEnvironment environment = withOutputs();

    stackOutputs.postProcessEnvironment(environment, new SpringApplication());

    assertThat(kitProperties(environment))
        .isEqualTo(
            Map.of(
                "salestalk.outbox.table", "prod-outbox",
                "salestalk.publisher.bus-name", "salestalk-prod",
                "salestalk.auth.tenant-api-keys.table", "prod-tenants",
                "salestalk.http.idempotency.table", "prod-idempotency"));
  }

  @Test
  void withoutTheLocalProfileAMissingOutputLeavesItsPropertyEmpty() {
    MockEnvironment environment = new MockEnvironment();

    stackOutputs.postProcessEnvironment(environment, new SpringApplication());

    assertThat(kitProperties(environment))
        .isEqualTo(
            Map.of(
                "salestalk.outbox.table", "",
                "salestalk.publisher.bus-name", "",
                "salestalk.auth.tenant-api-keys.table", "",
                "salestalk.http.idempotency.table", ""));
  }

  @Test
  void withTheLocalProfileTheLocalStacksNamesStandInForMissingOutputs() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("local");

    stackOutputs.postProcessEnvironment(environment, new SpringApplication());

    assertThat(kitProperties(environment))
        .isEqualTo(
            Map.of(
                "salestalk.outbox.table", "local-outbox",
                "salestalk.publisher.bus-name", "salestalk",
                "salestalk.auth.tenant-api-keys.table", "local-tenants",
                "salestalk.http.idempotency.table", "local-idempotency"));
    assertThat(environment.getProperty("salestalk.aws.tenants-table-name"))
        .isEqualTo("local-tenants");
  }

  @Test
  void withTheLocalProfileTheOutputsStillWin() {
    MockEnvironment environment = withOutputs();
    environment.setActiveProfiles("local");

    stackOutputs.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("salestalk.outbox.table")).isEqualTo("prod-outbox");
  }

  @Test
  void whatTheApplicationSetsWins() {
    MockEnvironment environment = withOutputs();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("app", Map.of("salestalk.outbox.table", "mine")));

    stackOutputs.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("salestalk.outbox.table")).isEqualTo("mine");
  }
}
