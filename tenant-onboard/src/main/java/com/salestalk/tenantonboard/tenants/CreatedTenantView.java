package com.salestalk.tenantonboard.tenants;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a create: the tenant and, this one time only, its API key.
 *
 * @param tenant the tenant
 * @param apiKeyId the key's id (to revoke it)
 * @param apiKey the tenant's API key; shown only in this response, stored only as a hash
 */
@Schema(name = "CreatedTenant")
record CreatedTenantView(
    @JsonUnwrapped TenantView tenant,
    @Schema(description = "Id of the API key", example = "key-q8w2e4r6t1y3u5i7o9p0")
        String apiKeyId,
    @Schema(
            description =
                "The tenant's API key (X-Api-Key). Shown only in this response; it cannot be"
                    + " retrieved again (issue a new one with POST"
                    + " /api/v1/tenants/{tenantId}/api-keys).",
            example = "stk_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")
        String apiKey) {

  static CreatedTenantView of(TenantProvisioning.Created created) {
    return new CreatedTenantView(
        TenantView.of(created.tenant()), created.keyId(), created.apiKey());
  }
}
