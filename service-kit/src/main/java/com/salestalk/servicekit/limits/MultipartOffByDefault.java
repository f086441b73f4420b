package com.salestalk.servicekit.limits;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Spring's multipart parsing off ({@code spring.servlet.multipart.enabled=false}) with the
 * lowest precedence: a service that takes no uploads should not parse multipart bodies (nor spool
 * them to disk) at all. A service that takes uploads sets {@code
 * spring.servlet.multipart.enabled=true} and its {@code spring.servlet.multipart.*} limits.
 */
public final class MultipartOffByDefault implements EnvironmentPostProcessor, Ordered {

  /** Name of the property source. */
  static final String SOURCE_NAME = "salestalkMultipartOffByDefault";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE_NAME)) {
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource(
                  SOURCE_NAME, Map.of("spring.servlet.multipart.enabled", "false")));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
