package com.salestalk.servicekit.defaults;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds, with the lowest precedence, defaults that point the kit's and event-aws's table and bus
 * properties at the stack outputs ({@code salestalk.aws.*}, written by the stack deployer), falling
 * back to the local environment's names. Anything the application configures wins.
 */
public final class StackOutputDefaults implements EnvironmentPostProcessor, Ordered {

  /** Name of the property source. */
  public static final String SOURCE_NAME = "salestalkStackOutputDefaults";

  /** The defaults: property → placeholder over the stack output. */
  static final Map<String, Object> DEFAULTS = defaults();

  private static Map<String, Object> defaults() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("salestalk.outbox.table", "${salestalk.aws.outbox-table-name:local-outbox}");
    map.put("salestalk.publisher.bus-name", "${salestalk.aws.bus-name:salestalk}");
    map.put(
        "salestalk.auth.tenant-api-keys.table",
        "${salestalk.aws.tenants-table-name:local-tenants}");
    map.put(
        "salestalk.http.idempotency.table",
        "${salestalk.aws.idempotency-table-name:local-idempotency}");
    return Map.copyOf(map);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE_NAME)) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
