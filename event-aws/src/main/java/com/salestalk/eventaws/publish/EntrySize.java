package com.salestalk.eventaws.publish;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** PutEvents sizes as EventBridge computes them (AWS docs "Calculating ... entry size"). */
final class EntrySize {

  /** Largest entry, and largest sum of entries per PutEvents request: 256 KB. */
  static final int MAX_REQUEST_BYTES = 256 * 1024;

  /** Entries per PutEvents request. */
  static final int MAX_ENTRIES = 10;

  /** EventBridge bills each started 64 KB chunk of an entry as one event. */
  static final int CHUNK_BYTES = 64 * 1024;

  private static final int TIME_BYTES = 14;

  private EntrySize() {}

  /**
   * Time counts 14 bytes when set; Source, DetailType, Detail and each Resource count their UTF-8
   * bytes.
   */
  static int of(PutEventsRequestEntry entry) {
    int size = entry.time() != null ? TIME_BYTES : 0;
    size += utf8(entry.source());
    size += utf8(entry.detailType());
    size += utf8(entry.detail());
    if (entry.hasResources()) {
      for (String resource : entry.resources()) {
        size += utf8(resource);
      }
    }
    return size;
  }

  /** The 64 KB chunks an entry of {@code size} bytes is billed as; at least one. */
  static int billableChunks(int size) {
    return Math.max(1, (size + CHUNK_BYTES - 1) / CHUNK_BYTES);
  }

  static int utf8(String s) {
    if (s == null) {
      return 0;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }
}
