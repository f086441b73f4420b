package com.salestalk.contracts.validation;

/**
 * Allocation-free checks for the string formats the contracts use. Each accepts a subset of what
 * the format allows (for date-time: UTC only, no leap second), which is all {@link CompiledSchema}
 * needs: anything else is left to networknt.
 */
final class Formats {

  private Formats() {}

  /** 8-4-4-4-12 hexadecimal digits, either case. */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3339 full-date, a real calendar day: {@code 2026-02-28}. */
  static boolean isDate(String text) {
    return text.length() == 10 && isDateAt(text);
  }

  /**
   * RFC 3339 date-time in UTC with an upper-case {@code T} and {@code Z} and 1–9 fraction digits:
   * {@code 2026-11-26T10:00:00.123Z}.
   */
  static boolean isUtcDateTime(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || !isDateAt(text)) {
      return false;
    }
    if (text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return false;
    }
    int hour = twoDigits(text, 11);
    int minute = twoDigits(text, 14);
    int second = twoDigits(text, 17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return false;
    }
    if (length > 20) {
      if (text.charAt(19) != '.') {
        return false;
      }
      for (int i = 20; i < length - 1; i++) {
        if (!isDigit(text.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isDateAt(String text) {
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    int century = twoDigits(text, 0);
    int yearOfCentury = twoDigits(text, 2);
    int month = twoDigits(text, 5);
    int day = twoDigits(text, 8);
    if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    int year = century * 100 + yearOfCentury;
    return year >= 1 && day <= daysIn(year, month);
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The two-digit number at {@code at}, or -1. */
  private static int twoDigits(String text, int at) {
    char tens = text.charAt(at);
    char units = text.charAt(at + 1);
    if (!isDigit(tens) || !isDigit(units)) {
      return -1;
    }
    return (tens - '0') * 10 + (units - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
