package com.salestalk.servicekit.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP idempotency keys.
 *
 * @param table the idempotency table ({@code {env}-idempotency})
 * @param retention how long a used key is remembered; a retry after that creates anew
 */
@ConfigurationProperties(IdempotencyProperties.PREFIX)
public record IdempotencyProperties(
    @DefaultValue("local-idempotency") String table, @DefaultValue("24h") Duration retention) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.http.idempotency";
}
