package com.salestalk.metricshandler.uploads;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies every byte read to a sink, counting and hashing (SHA-256) on the way, so the raw file is
 * stored while it is parsed, in one pass.
 */
final class TeeInputStream extends FilterInputStream {

  private final OutputStream copy;
  private final MessageDigest sha256;
  private long count;

  TeeInputStream(InputStream in, OutputStream copy) {
    super(in);
    this.copy = copy;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      copy.write(b);
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      copy.write(buffer, offset, n);
      sha256.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads what is left, so the copy and the hash cover the whole stream. */
  void drain() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    while (read(buffer, 0, buffer.length) >= 0) {
      // copied and hashed by read
    }
  }

  long count() {
    return count;
  }

  /** The SHA-256 of the bytes read so far, lowercase hex. */
  String sha256() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
