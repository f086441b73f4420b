package com.salestalk.servicekit.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Administrator credentials.
 *
 * @param token the bearer token of AdminApi endpoints; at least 16 characters when the service has
 *     such endpoints (the service refuses to start otherwise)
 */
@ConfigurationProperties(AdminProperties.PREFIX)
public record AdminProperties(String token) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.admin";

  /** Shortest token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Whether a usable token is configured. */
  public boolean hasToken() {
    return token != null && token.strip().length() >= MIN_TOKEN_LENGTH;
  }
}
