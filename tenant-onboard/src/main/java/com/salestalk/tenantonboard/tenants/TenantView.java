package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A tenant as the API shows it.
 *
 * @param tenantId the id
 * @param name display name
 * @param plan plan
 * @param region AWS region
 * @param currency ISO 4217 code
 * @param timezone IANA zone
 * @param features enabled features
 * @param createdAt RFC 3339 UTC
 * @param status {@code active}, or {@code suspended}: none of its API keys authenticate
 */
@Schema(name = "Tenant")
record TenantView(
    @Schema(example = "tenant-k3x9q2m4p7w8r5t1v6y0") String tenantId,
    @Schema(example = "Acme Corp") String name,
    @Schema(allowableValues = {"trial", "standard", "enterprise"}) String plan,
    @Schema(example = "us-east-1") String region,
    @Schema(example = "USD") String currency,
    @Schema(example = "UTC") String timezone,
    List<String> features,
    @Schema(example = "2026-11-26T15:04:05.123Z") String createdAt,
    @Schema(
            description = "suspended: none of the tenant's API keys authenticate",
            allowableValues = {"active", "suspended"})
        String status) {

  static TenantView of(Tenant tenant) {
    return new TenantView(
        tenant.id().value(),
        tenant.name(),
        tenant.plan().wire(),
        tenant.region(),
        tenant.currency(),
        tenant.timezone(),
        tenant.features(),
        tenant.createdAt().toString(),
        tenant.status().wire());
  }
}
