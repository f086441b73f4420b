package com.salestalk.servicekit.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

class StackOutputDefaultsTest {

  private final StackOutputDefaults defaults = new StackOutputDefaults();

  @Test
  void pointsTheTablesAndBusAtTheStackOutputs() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty("salestalk.aws.outbox-table-name", "prod-outbox");
    environment.setProperty("salestalk.aws.tenants-table-name", "prod-tenants");
    environment.setProperty("salestalk.aws.idempotency-table-name", "prod-idempotency");
    environment.setProperty("salestalk.aws.bus-name", "salestalk-prod");
    defaults.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("salestalk.outbox.table")).isEqualTo("prod-outbox");
    assertThat(environment.getProperty("salestalk.auth.tenant-api-keys.table"))
        .isEqualTo("prod-tenants");
    assertThat(environment.getProperty("salestalk.http.idempotency.table"))
        .isEqualTo("prod-idempotency");
    assertThat(environment.getProperty("salestalk.publisher.bus-name")).isEqualTo("salestalk-prod");
  }

  @Test
  void fallsBackToTheLocalNames() {
    MockEnvironment environment = new MockEnvironment();
    defaults.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("salestalk.outbox.table")).isEqualTo("local-outbox");
    assertThat(environment.getProperty("salestalk.auth.tenant-api-keys.table"))
        .isEqualTo("local-tenants");
    assertThat(environment.getProperty("salestalk.http.idempotency.table"))
        .isEqualTo("local-idempotency");
    assertThat(environment.getProperty("salestalk.publisher.bus-name")).isEqualTo("salestalk");
  }

  @Test
  void configuredValuesWin() {
    MockEnvironment environment = new MockEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("app", Map.of("salestalk.outbox.table", "mine")));
    defaults.postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("salestalk.outbox.table")).isEqualTo("mine");
  }
}
