package com.salestalk.metricshandler.uploads;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Objects kept in memory: what was completed and not discarded, by key. */
final class InMemoryObjects implements UploadObjects {

  final Map<String, byte[]> stored = new ConcurrentHashMap<>();

  @Override
  public ObjectSink open(String key, String contentType, String contentEncoding) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return new ObjectSink() {
      @Override
      public void write(int b) {
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }

      @Override
      String complete() {
        stored.put(key, bytes.toByteArray());
        return null;
      }

      @Override
      void discard() {
        stored.remove(key);
      }
    };
  }
}
