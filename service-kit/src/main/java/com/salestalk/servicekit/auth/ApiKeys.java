package com.salestalk.servicekit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tenant API keys: {@code stk_} followed by 43 base64url characters (256 random bits). Only the
 * SHA-256 hash (lowercase hex) of a key is ever stored.
 */
public final class ApiKeys {

  /** Prefix of every key, so leaked keys are easy to recognise and scan for. */
  public static final String PREFIX = "stk_";

  /**
   * The key id of the one key of a tenant created before keys could be rotated: its hash is on the
   * tenant item ({@code apiKeyHash}) until the key is first rotated or revoked, and then on the key
   * item {@code {tenantId}#key-initial} (docs/DATA_CONTRACTS.md).
   */
  public static final String INITIAL_KEY_ID = "key-initial";

  private static final Pattern FORM = Pattern.compile("stk_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new random key. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code candidate} has the form of a key (cheap check before any lookup). */
  public static boolean wellFormed(String candidate) {
    return candidate != null && FORM.matcher(candidate).matches();
  }

  /** SHA-256 of the key's UTF-8 bytes, lowercase hex: what the tenants table stores. */
  public static String hash(String apiKey) {
    return HexFormat.of().formatHex(sha256(apiKey));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
