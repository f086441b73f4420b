package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to a create: the tenant and, this one time only, its API key.
 *
 * @param tenantId the id
 * @param name display name
 * @param plan plan
 * @param region AWS region
 * @param currency ISO 4217 code
 * @param timezone IANA zone
 * @param features enabled features
 * @param createdAt RFC 3339 UTC
 * @param apiKey the tenant's API key; shown only in this response, stored only as a hash
 */
@Schema(name = "CreatedTenant")
record CreatedTenantView(
    String tenantId,
    String name,
    @Schema(allowableValues = {"trial", "standard", "enterprise"}) String plan,
    String region,
    String currency,
    String timezone,
    List<String> features,
    String createdAt,
    @Schema(
            description =
                "The tenant's API key (X-Api-Key). Shown only in this response; it cannot be"
                    + " retrieved again.",
            example = "stk_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")
        String apiKey) {

  static CreatedTenantView of(Tenant tenant, String apiKey) {
    TenantView view = TenantView.of(tenant);
    return new CreatedTenantView(
        view.tenantId(),
        view.name(),
        view.plan(),
        view.region(),
        view.currency(),
        view.timezone(),
        view.features(),
        view.createdAt(),
        apiKey);
  }
}
