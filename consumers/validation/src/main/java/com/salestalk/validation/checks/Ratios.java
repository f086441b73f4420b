package com.salestalk.validation.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios as reports show them. */
final class Ratios {

  private Ratios() {}

  /**
   * {@code part / whole} rounded down to six decimals (so a ratio below 1 never shows as 1),
   * without trailing zeros; 1 when {@code whole} is 0 (nothing to find fault with).
   */
  static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ONE;
    }
    return BigDecimal.valueOf(part)
        .divide(BigDecimal.valueOf(whole), 6, RoundingMode.FLOOR)
        .stripTrailingZeros();
  }
}
