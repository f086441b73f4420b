package com.salestalk.eventaws.clients;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code spring.cloud.aws.eventbridge.*}: overrides for the EventBridge client, in the style of
 * Spring Cloud AWS's per-service properties (which has none for EventBridge). Unset values fall
 * back to {@code spring.cloud.aws.endpoint} and {@code spring.cloud.aws.region.static}.
 *
 * @param endpoint the EventBridge endpoint, e.g. an emulator's address
 * @param region the region of the bus
 */
@ConfigurationProperties(EventBridgeProperties.PREFIX)
public record EventBridgeProperties(URI endpoint, String region) {

  /** The property prefix. */
  public static final String PREFIX = "spring.cloud.aws.eventbridge";
}
