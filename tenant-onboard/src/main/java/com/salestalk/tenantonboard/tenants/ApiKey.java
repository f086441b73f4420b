package com.salestalk.tenantonboard.tenants;

import java.time.Instant;
import java.util.Locale;

/**
 * What is known of one of a tenant's API keys, never the key or its hash.
 *
 * @param keyId {@code key-…}
 * @param createdAt when it was issued
 * @param expiresAt when it stops working (set when a newer key is issued), or null
 * @param revokedAt when it was revoked, or null
 */
record ApiKey(String keyId, Instant createdAt, Instant expiresAt, Instant revokedAt) {

  /** A key's state at a given time. */
  enum Status {
    /** Works, with no end set. */
    ACTIVE,
    /** Works until {@code expiresAt} (a newer key was issued). */
    EXPIRING,
    /** Past {@code expiresAt}. */
    EXPIRED,
    /** Revoked. */
    REVOKED;

    /** The wire name. */
    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    if (expiresAt == null) {
      return Status.ACTIVE;
    }
    return now.isBefore(expiresAt) ? Status.EXPIRING : Status.EXPIRED;
  }

  /** Whether the key authenticates at {@code now} (its tenant's suspension aside). */
  boolean usable(Instant now) {
    Status status = status(now);
    return status == Status.ACTIVE || status == Status.EXPIRING;
  }

  /** This key ending at {@code end}, unless it ends earlier already. */
  ApiKey endingBy(Instant end) {
    return expiresAt != null && !expiresAt.isAfter(end)
        ? this
        : new ApiKey(keyId, createdAt, end, revokedAt);
  }

  ApiKey revoked(Instant at) {
    return new ApiKey(keyId, createdAt, expiresAt, at);
  }
}
