package com.salestalk.tenantonboard.tenants;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a replayed create: the tenant and how to get a key, since the key the first
 * response carried is not stored.
 *
 * @param tenant the tenant
 * @param apiKeyRecovery what to do when the first response (and so the key) was lost
 */
@Schema(name = "ReplayedTenant")
record ReplayedTenantView(
    @JsonUnwrapped TenantView tenant,
    @Schema(
            description =
                "The API key is only in the response that created the tenant; this says how to"
                    + " get a new one if it was lost")
        String apiKeyRecovery) {

  static ReplayedTenantView of(Tenant tenant) {
    String keys = TenantController.BASE + "/" + tenant.id().value() + "/api-keys";
    return new ReplayedTenantView(
        TenantView.of(tenant),
        "The API key was shown only in the response that created this tenant. If that response"
            + " was lost, issue a new key with POST "
            + keys
            + ", then revoke the lost one with DELETE "
            + keys
            + "/{keyId} (GET "
            + keys
            + " lists the key ids).");
  }
}
