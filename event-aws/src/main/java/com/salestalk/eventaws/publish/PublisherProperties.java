package com.salestalk.eventaws.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.publisher.*}: the EventBridge publisher.
 *
 * @param enabled define the {@link EventPublisher} bean (default {@code true})
 * @param busName the event bus (default {@code salestalk})
 * @param maxAttempts PutEvents attempts per entry within one publish call (default 4)
 * @param baseDelay the first backoff cap (default 100 ms)
 * @param maxDelay the largest backoff cap (default 2 s)
 */
@ConfigurationProperties(PublisherProperties.PREFIX)
public record PublisherProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(PublisherSettings.DEFAULT_BUS) String busName,
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("100ms") Duration baseDelay,
    @DefaultValue("2s") Duration maxDelay) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.publisher";

  /** The publisher settings these properties describe. */
  public PublisherSettings settings() {
    return new PublisherSettings(busName, new RetryPolicy(maxAttempts, baseDelay, maxDelay));
  }
}
