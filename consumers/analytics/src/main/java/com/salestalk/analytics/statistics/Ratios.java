package com.salestalk.analytics.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares and averages as the API gives them: decimals rounded half even, null for nothing. */
final class Ratios {

  /** Decimals of a share (e.g. the grounded ratio). */
  static final int SHARE = 4;

  /** Decimals of an average (e.g. milliseconds, characters, stars). */
  static final int AVERAGE = 2;

  private Ratios() {}

  /** {@code part / whole} with {@code scale} decimals, or {@code null} when {@code whole} is 0. */
  static Double of(long part, long whole, int scale) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}
