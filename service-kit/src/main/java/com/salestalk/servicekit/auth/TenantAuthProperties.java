package com.salestalk.servicekit.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant API-key authentication.
 *
 * @param table the tenants table (the stack output TenantsTableName)
 * @param apiKeyIndex its global secondary index on apiKeyHash
 * @param cacheTtl how long a known key stays cached: a key revoked, expired or of a tenant
 *     suspended since keeps working at most this long
 * @param negativeCacheTtl how long an unknown (or refused) key stays cached: a resumed tenant's
 *     keys are refused at most this long
 * @param cacheSize most keys cached
 */
@ConfigurationProperties(TenantAuthProperties.PREFIX)
public record TenantAuthProperties(
    String table,
    @DefaultValue("apiKeyHash-index") String apiKeyIndex,
    @DefaultValue("60s") Duration cacheTtl,
    @DefaultValue("5s") Duration negativeCacheTtl,
    @DefaultValue("10000") long cacheSize) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.auth.tenant-api-keys";

  /** Checks that the table is named. */
  public TenantAuthProperties {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + ".table must be set (the stack output TenantsTableName,"
              + " salestalk.aws.tenants-table-name)");
    }
  }
}
