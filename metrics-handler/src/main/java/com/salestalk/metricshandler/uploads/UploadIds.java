package com.salestalk.metricshandler.uploads;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Upload ids {@code upl-} + 12 hex digits of the creation time in milliseconds + 10 random
 * characters: sorting by id sorts by creation time, which the newest-first list relies on.
 */
final class UploadIds {

  static final String PREFIX = "upl-";
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  UploadIds(Clock clock) {
    this.clock = clock;
  }

  String next() {
    StringBuilder id =
        new StringBuilder(PREFIX).append(String.format("%012x", clock.millis())).append('-');
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
