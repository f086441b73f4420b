package com.salestalk.servicekit.stackoutputs;

import com.salestalk.eventaws.publish.PublisherProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Points the kit's table and bus properties at the stack outputs, which the deployment and {@code
 * ./salestalk up} hand to the apps as {@code salestalk.aws.*} (docs/infra.md): {@code
 * salestalk.outbox.table ← salestalk.aws.outbox-table-name}, {@code salestalk.publisher.bus-name ←
 * salestalk.aws.bus-name}, {@code salestalk.auth.tenant-api-keys.table ←
 * salestalk.aws.tenants-table-name}, {@code salestalk.http.idempotency.table ←
 * salestalk.aws.idempotency-table-name}. Added with the lowest precedence, so whatever the
 * application sets wins.
 *
 * <p>Only with the {@value #LOCAL_PROFILE} profile active do the local stack's names ({@code
 * local-outbox}, …) stand in for missing outputs. Otherwise a missing output leaves its property
 * empty, and the service fails at start with a message naming the property and the output.
 */
public final class StackOutputProperties implements EnvironmentPostProcessor, Ordered {

  /** The profile of a local run ({@code ./salestalk up}, tests): the local stack's names apply. */
  public static final String LOCAL_PROFILE = "local";

  /** Name of the property source mapping the kit's properties to the outputs. */
  static final String SOURCE_NAME = "salestalkStackOutputs";

  /** Name of the property source holding the local stack's outputs. */
  static final String LOCAL_SOURCE_NAME = "salestalkLocalStackOutputs";

  /**
   * A kit property fed by a stack output.
   *
   * @param property the kit's property
   * @param output the output as the apps get it, {@code salestalk.aws.*}
   * @param localValue the output of the local stack ({@code EnvironmentName=local})
   */
  record StackOutput(String property, String output, String localValue) {}

  static final List<StackOutput> OUTPUTS =
      List.of(
          new StackOutput(
              "salestalk.outbox.table", "salestalk.aws.outbox-table-name", "local-outbox"),
          new StackOutput(
              "salestalk.publisher.bus-name",
              "salestalk.aws.bus-name",
              PublisherProperties.DEFAULT_BUS_NAME),
          new StackOutput(
              "salestalk.auth.tenant-api-keys.table",
              "salestalk.aws.tenants-table-name",
              "local-tenants"),
          new StackOutput(
              "salestalk.http.idempotency.table",
              "salestalk.aws.idempotency-table-name",
              "local-idempotency"));

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    Map<String, Object> mapped = new LinkedHashMap<>();
    Map<String, Object> local = new LinkedHashMap<>();
    for (StackOutput output : OUTPUTS) {
      // resolved when bound, so outputs registered later (e.g. by tests) count too
      mapped.put(output.property(), "${" + output.output() + ":}");
      local.put(output.output(), output.localValue());
    }
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, mapped));
    if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
      environment.getPropertySources().addLast(new MapPropertySource(LOCAL_SOURCE_NAME, local));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
