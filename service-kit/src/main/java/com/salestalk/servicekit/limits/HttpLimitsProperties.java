package com.salestalk.servicekit.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on request bodies.
 *
 * @param maxBodySize largest request body accepted (multipart requests excepted: they have their
 *     own spring.servlet.multipart.* limits); counted while streaming, so a body without
 *     Content-Length cannot exceed it either
 * @param maxJsonDepth deepest nesting of arrays and objects accepted in JSON, by every JSON read of
 *     the application's mapper
 */
@ConfigurationProperties(HttpLimitsProperties.PREFIX)
public record HttpLimitsProperties(
    @DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("32") int maxJsonDepth) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.http";

  /** Checks the limits are positive. */
  public HttpLimitsProperties {
    if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(PREFIX + ".max-body-size must be between 1B and 2GB");
    }
    if (maxJsonDepth < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-json-depth must be at least 1");
    }
  }
}
