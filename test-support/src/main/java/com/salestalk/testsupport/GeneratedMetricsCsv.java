package com.salestalk.testsupport;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A large metrics CSV for metrics-handler uploads, generated while it is read, never held in
 * memory, the same bytes every time: a header {@code date,metric,value,region,product} and {@code
 * rows} valid rows such as {@code 2026-03-14,revenue,-1234.56,eu-west,product-0421} (about 48 bytes
 * each, so a million rows are about 48 MB).
 */
public final class GeneratedMetricsCsv {

  /** The header line. */
  public static final String HEADER = "date,metric,value,region,product\n";

  private static final String[] METRICS = {
    "revenue", "units", "refunds", "churned_customers", "new_customers", "orders", "visits", "leads"
  };
  private static final String[] REGIONS = {
    "eu-west", "eu-central", "us-east", "us-west", "apac", "latam"
  };
  private static final String[] DATES = dates();

  private final long rows;

  /** A file of {@code rows} data rows. */
  public GeneratedMetricsCsv(long rows) {
    this.rows = rows;
  }

  /** Its data rows. */
  public long rows() {
    return rows;
  }

  /** Its bytes, generated as they are read. */
  public InputStream open() {
    return new Generating();
  }

  /**
   * Its length in bytes and its SHA-256 (lowercase hex), computed by generating it once.
   *
   * @param bytes the length
   * @param sha256 the hash
   */
  public record Digest(long bytes, String sha256) {}

  /** Its length and SHA-256. */
  public Digest digest() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      long[] count = {0};
      OutputStream counting =
          new OutputStream() {
            @Override
            public void write(int b) {
              count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
              count[0] += len;
            }
          };
      try (InputStream in = open();
          DigestOutputStream out = new DigestOutputStream(counting, sha256)) {
        in.transferTo(out);
      }
      return new Digest(count[0], HexFormat.of().formatHex(sha256.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Row {@code i} (0-based), with its line break. */
  static String row(long i) {
    long cents = (i * 7919) % 1_000_000;
    long product = i / 3 % 1000;
    return DATES[(int) (i % DATES.length)]
        + ','
        + METRICS[(int) (i % METRICS.length)]
        + ','
        + (i % 10 == 3 ? "-" : "")
        + cents / 100
        + (cents % 100 < 10 ? ".0" : ".")
        + cents % 100
        + ','
        + REGIONS[(int) (i / 7 % REGIONS.length)]
        + (product < 10 ? ",product-000" : product < 100 ? ",product-00" : ",product-0")
        + product
        + '\n';
  }

  /** The days of 2026 and, every seventh entry, a month ({@code YYYY-MM}) instead. */
  private static String[] dates() {
    String[] dates = new String[365];
    LocalDate day = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < dates.length; i++, day = day.plusDays(1)) {
      dates[i] = i % 7 == 6 ? day.toString().substring(0, 7) : day.toString();
    }
    return dates;
  }

  /** The header, then rows generated a batch at a time. */
  private final class Generating extends InputStream {
    private byte[] batch = HEADER.getBytes(StandardCharsets.UTF_8);
    private int position;
    private long next;

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      return batch[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, batch.length - position);
      System.arraycopy(batch, position, buffer, offset, n);
      position += n;
      return n;
    }

    /** Makes bytes available; false at the end. */
    private boolean fill() {
      if (position < batch.length) {
        return true;
      }
      if (next >= rows) {
        return false;
      }
      StringBuilder text = new StringBuilder(64 * 1024);
      for (long end = Math.min(rows, next + 1000); next < end; next++) {
        text.append(row(next));
      }
      batch = text.toString().getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
