package com.salestalk.chathandler.answering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Figures as a person reads them: {@code $4,500}, {@code $12.3K}, {@code €1.25M}, {@code 42},
 * {@code 12.5%}. Below 10,000 a figure is written in full (two decimals for money that has cents,
 * up to two otherwise); from 10,000 on to three significant digits in thousands (K), millions (M)
 * or billions (B). Always rounded half up, as {@link Grounding} reads it back.
 */
final class Amounts {

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final String[] UNITS = {"K", "M", "B"};
  private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

  private Amounts() {}

  /**
   * @param value the figure
   * @param currency the tenant's currency when the figure is money, else null
   */
  static String format(BigDecimal value, Currency currency) {
    BigDecimal abs = value.abs();
    String digits;
    if (abs.compareTo(TEN_THOUSAND) < 0) {
      boolean cents = currency != null && abs.stripTrailingZeros().scale() > 0;
      digits = pattern(cents ? "#,##0.00" : "#,##0.##").format(abs);
    } else {
      int unit = 0;
      BigDecimal scaled = abs.movePointLeft(3).round(THREE_DIGITS);
      while (scaled.compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < UNITS.length - 1) {
        unit++;
        scaled = abs.movePointLeft(3 * (unit + 1)).round(THREE_DIGITS);
      }
      digits = scaled.stripTrailingZeros().toPlainString() + UNITS[unit];
    }
    String sign = value.signum() < 0 && !digits.matches("[0.,]+") ? "-" : "";
    if (currency == null) {
      return sign + digits;
    }
    String symbol = currency.getSymbol(Locale.US);
    return sign + (symbol.length() == 1 ? symbol : symbol + " ") + digits;
  }

  /** A relative change (0.125) as a percentage to one decimal, without its sign: {@code 12.5%}. */
  static String percent(BigDecimal fraction) {
    return pattern("#,##0.#").format(fraction.abs().movePointRight(2)) + "%";
  }

  private static DecimalFormat pattern(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
