package com.salestalk.servicekit.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP idempotency keys.
 *
 * @param table the idempotency table (the stack output IdempotencyTableName)
 * @param retention how long a used key is remembered; a retry after that creates anew
 */
@ConfigurationProperties(IdempotencyProperties.PREFIX)
public record IdempotencyProperties(String table, @DefaultValue("24h") Duration retention) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.http.idempotency";

  /** Checks that the table is named. */
  public IdempotencyProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output IdempotencyTableName,"
              + " salestalk.aws.idempotency-table-name)");
    }
  }
}
