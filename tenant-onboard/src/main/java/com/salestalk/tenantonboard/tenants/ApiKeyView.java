package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One of a tenant's API keys as the API shows it: never the key, never its hash.
 *
 * @param keyId the id
 * @param status at the time of the request
 * @param createdAt RFC 3339 UTC
 * @param expiresAt when it stops working, or null
 * @param revokedAt when it was revoked, or null
 */
@Schema(name = "ApiKey")
record ApiKeyView(
    @Schema(example = "key-q8w2e4r6t1y3u5i7o9p0") String keyId,
    @Schema(
            description =
                "active: works; expiring: works until expiresAt (a newer key was issued);"
                    + " expired; revoked",
            allowableValues = {"active", "expiring", "expired", "revoked"})
        String status,
    @Schema(example = "2026-11-26T15:04:05.123Z") String createdAt,
    @Schema(description = "When the key stops working; null while it has no end", nullable = true)
        String expiresAt,
    @Schema(description = "When the key was revoked; null if it was not", nullable = true)
        String revokedAt) {

  static ApiKeyView of(ApiKey key, Instant now) {
    return new ApiKeyView(
        key.keyId(),
        key.status(now).wire(),
        key.createdAt().toString(),
        text(key.expiresAt()),
        text(key.revokedAt()));
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
