package com.salestalk.metricshandler.uploads;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 and counting lines, so a file
 * that is not UTF-8 is refused naming the line of the first bad byte (a decoder only says that some
 * block was bad).
 */
final class Utf8CheckingInputStream extends FilterInputStream {

  /** The stream is not UTF-8 from this line on. */
  static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    NotUtf8Exception(long line) {
      super("invalid UTF-8 on line " + line);
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  private long line = 1;
  private int pending;
  private int secondMin = 0x80;
  private int secondMax = 0xbf;
  private boolean second;

  Utf8CheckingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      check(b);
    } else if (pending > 0) {
      throw new NotUtf8Exception(line);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0 && pending > 0) {
      throw new NotUtf8Exception(line);
    }
    for (int i = offset; i < offset + n; i++) {
      check(buffer[i] & 0xff);
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check(int b) throws NotUtf8Exception {
    if (pending > 0) {
      int min = second ? secondMin : 0x80;
      int max = second ? secondMax : 0xbf;
      if (b < min || b > max) {
        throw new NotUtf8Exception(line);
      }
      second = false;
      pending--;
      return;
    }
    if (b == '\n') {
      line++;
    }
    if (b < 0x80) {
      return;
    }
    // Lead bytes and the ranges of the byte after them (RFC 3629): no overlongs, no surrogates.
    secondMin = 0x80;
    secondMax = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      pending = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      pending = 2;
      secondMin = b == 0xe0 ? 0xa0 : 0x80;
      secondMax = b == 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      pending = 3;
      secondMin = b == 0xf0 ? 0x90 : 0x80;
      secondMax = b == 0xf4 ? 0x8f : 0xbf;
    } else {
      throw new NotUtf8Exception(line);
    }
    second = true;
  }
}
