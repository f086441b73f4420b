package com.salestalk.servicekit.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant API-key authentication.
 *
 * @param table the tenants table ({@code {env}-tenants})
 * @param apiKeyIndex its global secondary index on {@code apiKeyHash}
 * @param cacheTtl how long a known key stays cached
 * @param negativeCacheTtl how long an unknown key stays cached
 * @param cacheSize most keys cached
 */
@ConfigurationProperties(TenantAuthProperties.PREFIX)
public record TenantAuthProperties(
    @DefaultValue("local-tenants") String table,
    @DefaultValue("apiKeyHash-index") String apiKeyIndex,
    @DefaultValue("60s") Duration cacheTtl,
    @DefaultValue("5s") Duration negativeCacheTtl,
    @DefaultValue("10000") long cacheSize) {

  /** Property prefix. */
  public static final String PREFIX = "salestalk.auth.tenant-api-keys";
}
