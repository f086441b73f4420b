package com.salestalk.testsupport;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * For the integration test of a consumer app ({@code @Import(ShortRedelivery.class)}, with a short
 * {@code salestalk.consumer.lease} such as {@code 2s}): the visibility timeout of the queue of
 * {@code salestalk.consumer.name} becomes one lease ({@link ShortVisibility}), so a message whose
 * handler failed comes back after seconds instead of the template's 60 s, and reaches the DLQ after
 * {@code MaxReceiveCount} (5) receives.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ShortRedelivery {

  /** The consumer's queue with a visibility timeout of one lease. */
  @Bean
  public ShortVisibility shortVisibility(TestStack stack, Environment environment) {
    return new ShortVisibility(
        stack,
        environment.getRequiredProperty("salestalk.consumer.name"),
        environment.getRequiredProperty("salestalk.consumer.lease", Duration.class));
  }
}
