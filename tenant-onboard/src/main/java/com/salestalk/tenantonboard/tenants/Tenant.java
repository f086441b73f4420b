package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A stored tenant (the API key hash is not part of it: it never leaves the table).
 *
 * @param id the tenant id
 * @param name display name
 * @param plan subscription plan
 * @param region AWS region name
 * @param currency ISO 4217 code
 * @param timezone IANA zone id
 * @param features enabled features
 * @param createdAt when it was created, UTC
 */
record Tenant(
    TenantId id,
    String name,
    Plan plan,
    String region,
    String currency,
    String timezone,
    List<String> features,
    Instant createdAt) {

  Tenant {
    features = List.copyOf(features);
  }
}
