package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A stored tenant (its API keys are not part of it; their hashes never leave the table).
 *
 * @param id the tenant id
 * @param name display name
 * @param plan subscription plan
 * @param region AWS region name
 * @param currency ISO 4217 code
 * @param timezone IANA zone id
 * @param features enabled features
 * @param createdAt when it was created, UTC
 * @param status whether its keys authenticate
 */
record Tenant(
    TenantId id,
    String name,
    Plan plan,
    String region,
    String currency,
    String timezone,
    List<String> features,
    Instant createdAt,
    TenantStatus status) {

  Tenant {
    features = List.copyOf(features);
  }
}
