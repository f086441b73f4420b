package com.salestalk.metricdata.rows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes accepted rows as gzip-compressed JSON Lines, one object per row: {@code {"row": 2, "date":
 * "2026-01-31", "metric": "revenue", "value": 1234.50, "dimensions": {"region": "EU"}}}. Cells are
 * written as they came (JSON needs no CSV-injection neutralisation).
 *
 * <p>The bytes are those Jackson's generator writes for the same row (no spaces; strings escaped as
 * Jackson escapes them; the value as {@link java.math.BigDecimal#toString()}), produced here
 * directly: a million-row upload writes about 120 MB of JSON, and a generator costs several times
 * more per row.
 */
public final class NormalizedRowsWriter {

  /** The object's content type. */
  public static final String CONTENT_TYPE = "application/x-ndjson";

  /** The object's content encoding. */
  public static final String CONTENT_ENCODING = "gzip";

  private static final byte[] HEX = bytesOf("0123456789ABCDEF");
  private static final byte[] ROW = bytesOf("{\"row\":");
  private static final byte[] DATE = bytesOf(",\"date\":");
  private static final byte[] METRIC = bytesOf(",\"metric\":");
  private static final byte[] VALUE = bytesOf(",\"value\":");
  private static final byte[] DIMENSIONS = bytesOf(",\"dimensions\":{");
  private static final int BUFFER = 64 * 1024;
  // chars of a string encoded at a time: 6 bytes each at most
  private static final int CHUNK = BUFFER / 6;

  private final GZIPOutputStream gzip;
  private final byte[] buffer = new byte[BUFFER];
  private int filled;
  private boolean firstDimension;

  /**
   * @param out where the compressed rows go; left open by {@link #finish()}
   */
  public NormalizedRowsWriter(OutputStream out) throws IOException {
    // The fastest level: compressing must not be what an upload waits for (about 5× smaller still).
    this.gzip =
        new GZIPOutputStream(out, BUFFER) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        };
  }

  /**
   * The same as {@link #NormalizedRowsWriter(OutputStream)}: the rows are written as Jackson writes
   * them, without a mapper.
   *
   * @param out where the compressed rows go; left open by {@link #finish()}
   * @param mapper not used
   */
  public NormalizedRowsWriter(OutputStream out, JsonMapper mapper) throws IOException {
    this(out);
  }

  /**
   * Writes one row.
   *
   * @throws UncheckedIOException when the stream underneath fails
   */
  public void write(NormalizedRow row) {
    try {
      writeRow(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeRow(NormalizedRow row) throws IOException {
    bytes(ROW);
    number(Long.toString(row.row()));
    bytes(DATE);
    string(row.date());
    bytes(METRIC);
    string(row.metric());
    bytes(VALUE);
    number(row.value().toString());
    bytes(DIMENSIONS);
    firstDimension = true;
    // forEach, not the entry set: a map may make its entries only when they are iterated
    row.dimensions().forEach(this::dimension);
    room(3);
    buffer[filled++] = '}';
    buffer[filled++] = '}';
    buffer[filled++] = '\n';
  }

  /** One dimension of the row being written, after a comma unless it is the first. */
  private void dimension(String name, String cell) {
    try {
      if (!firstDimension) {
        room(1);
        buffer[filled++] = ',';
      }
      firstDimension = false;
      string(name);
      room(1);
      buffer[filled++] = ':';
      string(cell);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes everything and ends the gzip stream (the stream underneath stays open). */
  public void finish() throws IOException {
    flushBuffer();
    gzip.finish();
    gzip.flush();
  }

  private void bytes(byte[] constant) throws IOException {
    room(constant.length);
    System.arraycopy(constant, 0, buffer, filled, constant.length);
    filled += constant.length;
  }

  /** Text known to be ASCII without characters to escape (numbers). */
  private void number(String text) throws IOException {
    int length = text.length();
    if (length > buffer.length) {
      flushBuffer();
      gzip.write(text.getBytes(StandardCharsets.US_ASCII));
      return;
    }
    room(length);
    for (int i = 0; i < length; i++) {
      buffer[filled++] = (byte) text.charAt(i);
    }
  }

  /**
   * A JSON string as Jackson writes it: {@code "} and {@code \\} escaped with a backslash, control
   * characters as {@code \\b \\t \\n \\f \\r} or {@code \\}{@code u00XX}, everything else as UTF-8.
   */
  private void string(String text) throws IOException {
    int length = text.length();
    room(1);
    buffer[filled++] = '"';
    for (int from = 0; from < length; ) {
      int to = Math.min(length, from + CHUNK);
      if (to < length && Character.isHighSurrogate(text.charAt(to - 1))) {
        to--; // a surrogate pair stays in one chunk
      }
      room(6 * (to - from)); // at most 6 bytes per char (an escaped control character)
      filled = encode(text, from, to, buffer, filled);
      from = to;
    }
    room(1);
    buffer[filled++] = '"';
  }

  private static int encode(String text, int from, int to, byte[] out, int at) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        out[at++] = (byte) c;
      } else if (c < 0x80) {
        at = escape(c, out, at);
      } else if (c < 0x800) {
        out[at++] = (byte) (0xc0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (!Character.isSurrogate(c)) {
        out[at++] = (byte) (0xe0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        out[at++] = (byte) (0xf0 | (code >> 18));
        out[at++] = (byte) (0x80 | ((code >> 12) & 0x3f));
        out[at++] = (byte) (0x80 | ((code >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (code & 0x3f));
      } else {
        throw new IllegalArgumentException(
            "a string has a lone surrogate at index " + i + ": it cannot be written as UTF-8");
      }
    }
    return at;
  }

  private static int escape(char c, byte[] out, int at) {
    out[at++] = '\\';
    switch (c) {
      case '"', '\\' -> out[at++] = (byte) c;
      case '\b' -> out[at++] = 'b';
      case '\t' -> out[at++] = 't';
      case '\n' -> out[at++] = 'n';
      case '\f' -> out[at++] = 'f';
      case '\r' -> out[at++] = 'r';
      default -> {
        out[at++] = 'u';
        out[at++] = '0';
        out[at++] = '0';
        out[at++] = HEX[c >> 4];
        out[at++] = HEX[c & 0xf];
      }
    }
    return at;
  }

  /** Makes room for {@code bytes} more (at most the buffer's size) by compressing what is there. */
  private void room(int bytes) throws IOException {
    if (filled + bytes > buffer.length) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    gzip.write(buffer, 0, filled);
    filled = 0;
  }

  private static byte[] bytesOf(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
