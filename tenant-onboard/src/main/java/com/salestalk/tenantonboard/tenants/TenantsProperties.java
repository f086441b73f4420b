package com.salestalk.tenantonboard.tenants;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenants feature.
 *
 * @param table the tenants table (the stack output TenantsTableName)
 * @param defaultRegion region of a tenant created without one
 * @param defaultCurrency currency of a tenant created without one
 * @param defaultTimezone time zone of a tenant created without one
 * @param maxPageSize largest {@code size} of a list page
 * @param apiKeyGrace how long the keys that worked keep working after a new key is issued
 */
@ConfigurationProperties(TenantsProperties.PREFIX)
record TenantsProperties(
    String table,
    @DefaultValue("us-east-1") String defaultRegion,
    @DefaultValue("USD") String defaultCurrency,
    @DefaultValue("UTC") String defaultTimezone,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("24h") Duration apiKeyGrace) {

  /** Property prefix. */
  static final String PREFIX = "salestalk.tenants";
}
