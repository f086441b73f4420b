package com.salestalk.servicekit.stackoutputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventaws.publish.PublisherProperties;
import com.salestalk.servicekit.auth.AuthAutoConfiguration;
import com.salestalk.servicekit.idempotency.IdempotencyProperties;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A service built on the kit, started as {@code java -jar} would: it gets its AWS resource names
 * from the stack outputs, from the local stack's names under the {@code local} profile, and
 * otherwise does not start.
 */
class ServiceStartupTest {

  /** A service with nothing of its own: everything comes from the kit's auto-configuration. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Service {}

  private static ConfigurableApplicationContext start(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // no AWS is contacted: the clients are built (they need a region) but never used
    all.add("--spring.cloud.aws.region.static=us-east-1");
    all.add("--spring.cloud.aws.sqs.enabled=false");
    all.add("--salestalk.metrics.cloudwatch.enabled=false");
    return new SpringApplicationBuilder(Service.class)
        .web(WebApplicationType.NONE)
        .run(all.toArray(String[]::new));
  }

  private static ThrowableAssert.ThrowingCallable starting(String... args) {
    return () -> start(args).close();
  }

  @Test
  void withTheStackOutputsItUsesThem() {
    try (ConfigurableApplicationContext service =
        start(
            "--salestalk.aws.bus-name=salestalk-prod",
            "--salestalk.aws.idempotency-table-name=prod-idempotency")) {
      assertThat(service.getBean(PublisherProperties.class).busName()).isEqualTo("salestalk-prod");
      assertThat(service.getBean(IdempotencyProperties.class).table())
          .isEqualTo("prod-idempotency");
      assertThat(service.getBeansOfType(Outbox.class)).isEmpty();
    }
  }

  @Test
  void withTheLocalProfileItUsesTheLocalStacksNames() {
    try (ConfigurableApplicationContext service =
        start("--spring.profiles.active=local", "--salestalk.outbox.enabled=true")) {
      assertThat(service.getBean(PublisherProperties.class).busName()).isEqualTo("salestalk");
      assertThat(service.getBean(IdempotencyProperties.class).table())
          .isEqualTo("local-idempotency");
      assertThat(service.getBean(Outbox.class).tableName()).isEqualTo("local-outbox");
    }
  }

  @Test
  void withoutTheIdempotencyTableItFailsNamingTheProperty() {
    assertThatThrownBy(starting("--salestalk.aws.bus-name=salestalk-prod"))
        .rootCause()
        .hasMessage(
            "salestalk.http.idempotency.table must be set (the stack output"
                + " IdempotencyTableName, salestalk.aws.idempotency-table-name)");
  }

  @Test
  void withoutTheBusItFailsNamingTheProperty() {
    assertThatThrownBy(starting("--salestalk.aws.idempotency-table-name=prod-idempotency"))
        .rootCause()
        .hasMessage(
            "salestalk.publisher.bus-name must be set (the stack output BusName,"
                + " salestalk.aws.bus-name)");
  }

  @Test
  void aWebServiceWithoutTheTenantsTableFailsNamingTheProperty() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthAutoConfiguration.class))
        .withInitializer(
            context ->
                new StackOutputProperties()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "salestalk.auth.tenant-api-keys.table must be set (the stack output"
                            + " TenantsTableName, salestalk.aws.tenants-table-name)"));
  }

  @Test
  void withAnOutboxButNoOutboxTableItFailsNamingTheProperty() {
    assertThatThrownBy(
            starting(
                "--salestalk.outbox.enabled=true",
                "--salestalk.aws.bus-name=salestalk-prod",
                "--salestalk.aws.idempotency-table-name=prod-idempotency"))
        .rootCause()
        .hasMessage(
            "salestalk.outbox.table must be set (the stack output OutboxTableName,"
                + " salestalk.aws.outbox-table-name)");
  }
}
