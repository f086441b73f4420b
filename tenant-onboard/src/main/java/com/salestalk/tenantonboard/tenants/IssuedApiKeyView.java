package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to issuing a key: the key, this one time only.
 *
 * @param keyId its id
 * @param apiKey the key; shown only in this response, stored only as a hash
 * @param createdAt RFC 3339 UTC
 * @param previousKeysExpireAt when the keys that worked before stop working at the latest, or null
 *     when none did
 */
@Schema(name = "IssuedApiKey")
record IssuedApiKeyView(
    @Schema(example = "key-q8w2e4r6t1y3u5i7o9p0") String keyId,
    @Schema(
            description = "The new API key (X-Api-Key). Shown only in this response.",
            example = "stk_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")
        String apiKey,
    @Schema(example = "2026-11-26T15:04:05.123Z") String createdAt,
    @Schema(
            description =
                "The keys that worked before this one stop working at this time at the latest"
                    + " (now plus the grace period); null when there were none",
            nullable = true)
        String previousKeysExpireAt) {

  static IssuedApiKeyView of(TenantApiKeys.Issued issued) {
    return new IssuedApiKeyView(
        issued.keyId(),
        issued.apiKey(),
        issued.key().createdAt().toString(),
        ApiKeyView.text(issued.previousKeysExpireAt()));
  }
}
