package com.salestalk.eventaws.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salestalk.publisher.*}: the EventBridge publisher.
 *
 * @param enabled whether to define the EventPublisher bean
 * @param busName the event bus (the stack output BusName)
 * @param maxAttempts PutEvents attempts per entry within one publish call, the first included (the
 *     only retries of a direct publish: the SDK's own are off for PutEvents; the outbox relay's
 *     path sends once and retries through its table)
 * @param baseDelay the first backoff cap (exponential backoff with full jitter)
 * @param maxDelay the largest backoff cap
 */
@ConfigurationProperties(PublisherProperties.PREFIX)
public record PublisherProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(DEFAULT_BUS_NAME) String busName,
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("100ms") Duration baseDelay,
    @DefaultValue("2s") Duration maxDelay) {

  /** The property prefix. */
  public static final String PREFIX = "salestalk.publisher";

  /** The bus the stack creates unless told otherwise (docs/ARCHITECTURE.md#envelope). */
  public static final String DEFAULT_BUS_NAME = "salestalk";

  /** Checks the values, so a misconfigured publisher fails at start naming the property. */
  public PublisherProperties {
    if (busName == null || busName.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX + ".bus-name must be set (the stack output BusName, salestalk.aws.bus-name)");
    }
    new RetryPolicy(maxAttempts, baseDelay, maxDelay); // checks the retry values
  }

  /** How failed entries are resent within one publish call. */
  RetryPolicy retry() {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
  }
}
