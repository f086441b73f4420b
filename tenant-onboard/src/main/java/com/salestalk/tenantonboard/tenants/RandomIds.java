package com.salestalk.tenantonboard.tenants;

import java.security.SecureRandom;

/** Random ids: a prefix and 20 characters of {@code [a-z0-9]} (about 103 bits). */
final class RandomIds {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LENGTH = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  static String next(String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
