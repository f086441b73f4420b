package com.salestalk.metricshandler.uploads;

import java.math.BigDecimal;
import java.time.Month;
import java.time.Year;

/**
 * The date and value cells of a row, checked by hand: a regular expression, a {@code
 * DateTimeFormatter} and a second parse of the value cost more per row than FastCSV's parsing of
 * it.
 */
final class Cells {

  /** Most digits whose unscaled value fits a long. */
  private static final int LONG_DIGITS = 18;

  private Cells() {}

  /**
   * Why a (trimmed) date cell is not acceptable, or null when it is a real day ({@code YYYY-MM-DD})
   * or month ({@code YYYY-MM}).
   */
  static String dateProblem(String date) {
    int length = date.length();
    if (length == 10 && digits(date, 0, 4) && dashAndDigits(date, 4) && dashAndDigits(date, 7)) {
      int year = number(date, 0, 4);
      int month = number(date, 5, 7);
      int day = number(date, 8, 10);
      if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
        return "date " + MetricsCsv.quote(date) + " is not a valid day";
      }
      return null;
    }
    if (length == 7 && digits(date, 0, 4) && dashAndDigits(date, 4)) {
      int month = number(date, 5, 7);
      if (month < 1 || month > 12) {
        return "date " + MetricsCsv.quote(date) + " is not a valid month";
      }
      return null;
    }
    return "date " + MetricsCsv.quote(date) + " is not YYYY-MM-DD or YYYY-MM";
  }

  /**
   * The value of a (trimmed) cell of the form {@code [+-]?(\d+(\.\d+)?|\.\d+)}, with the scale its
   * text gives (as {@code new BigDecimal(text)}), or null for any other text.
   */
  static BigDecimal decimal(String text) {
    int length = text.length();
    int i = 0;
    if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      i = 1;
    }
    long unscaled = 0;
    int integerDigits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      unscaled = unscaled * 10 + (text.charAt(i++) - '0');
      integerDigits++;
    }
    int fractionDigits = 0;
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        unscaled = unscaled * 10 + (text.charAt(i++) - '0');
        fractionDigits++;
      }
      if (fractionDigits == 0) {
        return null;
      }
    }
    if (i < length || integerDigits + fractionDigits == 0) {
      return null;
    }
    if (integerDigits + fractionDigits > LONG_DIGITS) {
      return new BigDecimal(text);
    }
    return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, fractionDigits);
  }

  private static boolean dashAndDigits(String text, int dash) {
    return text.charAt(dash) == '-' && digits(text, dash + 1, dash + 3);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
