package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a replayed issue: which key it issued and how to get a key, since the key itself is
 * not stored.
 *
 * @param keyId the id of the key the first request issued
 * @param apiKeyRecovery what to do when the first response (and so the key) was lost
 */
@Schema(name = "ReplayedApiKey")
record ReplayedApiKeyView(
    @Schema(example = "key-q8w2e4r6t1y3u5i7o9p0") String keyId,
    @Schema(
            description =
                "The API key is only in the response that issued it; this says how to get a new"
                    + " one if it was lost")
        String apiKeyRecovery) {

  static ReplayedApiKeyView of(TenantId tenant, String keyId) {
    String keys = TenantController.BASE + "/" + tenant.value() + "/api-keys";
    return new ReplayedApiKeyView(
        keyId,
        "The API key was shown only in the response that issued "
            + keyId
            + ". If that response was lost, issue a new key with POST "
            + keys
            + " (with another Idempotency-Key), then revoke the lost one with DELETE "
            + keys
            + "/"
            + keyId
            + ".");
  }
}
