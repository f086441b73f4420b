package com.salestalk.servicekit.auth;

import java.security.MessageDigest;

/** Compares presented admin tokens with the configured one in constant time. */
final class AdminTokenVerifier {

  private final byte[] expectedDigest;

  AdminTokenVerifier(AdminProperties properties) {
    this.expectedDigest = properties.hasToken() ? ApiKeys.sha256(properties.token().strip()) : null;
  }

  /** Whether a token is configured at all. */
  boolean configured() {
    return expectedDigest != null;
  }

  /**
   * Both sides are hashed first, so the comparison takes the same time whatever the length or
   * content of the presented token.
   */
  boolean matches(String presented) {
    if (expectedDigest == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(expectedDigest, ApiKeys.sha256(presented));
  }
}
