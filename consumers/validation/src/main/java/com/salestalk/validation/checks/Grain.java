package com.salestalk.validation.checks;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The grain of a date as metrics-handler normalizes it: a day ({@code YYYY-MM-DD}) or a month
 * ({@code YYYY-MM}). Each period of a grain has an index, consecutive periods consecutive indexes.
 */
enum Grain {
  /** {@code YYYY-MM-DD}; the index is the epoch day. */
  DAY {
    @Override
    int index(String date) {
      check(date, 10);
      try {
        return Math.toIntExact(
            LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)).toEpochDay());
      } catch (DateTimeException e) {
        throw notADate(date);
      }
    }

    @Override
    String format(int index) {
      return LocalDate.ofEpochDay(index).toString();
    }

    @Override
    LocalDate lastDay(int index) {
      return LocalDate.ofEpochDay(index);
    }
  },

  /** {@code YYYY-MM}; the index counts months from year 0. */
  MONTH {
    @Override
    int index(String date) {
      check(date, 7);
      int month = digits(date, 5, 7);
      if (month < 1 || month > 12) {
        throw notADate(date);
      }
      return digits(date, 0, 4) * 12 + month - 1;
    }

    @Override
    String format(int index) {
      return String.format("%04d-%02d", index / 12, index % 12 + 1);
    }

    @Override
    LocalDate lastDay(int index) {
      LocalDate first = LocalDate.of(index / 12, index % 12 + 1, 1);
      return first.withDayOfMonth(first.lengthOfMonth());
    }
  };

  /** The grain of a date by its form. */
  static Grain of(String date) {
    return switch (date.length()) {
      case 10 -> DAY;
      case 7 -> MONTH;
      default -> throw notADate(date);
    };
  }

  /** The index of a date of this grain. */
  abstract int index(String date);

  /** The date of an index: the inverse of {@link #index}. */
  abstract String format(int index);

  /** The last day of the period of an index. */
  abstract LocalDate lastDay(int index);

  private static void check(String date, int length) {
    if (date.length() != length
        || date.charAt(4) != '-'
        || (length == 10 && date.charAt(7) != '-')) {
      throw notADate(date);
    }
  }

  private static int digits(String date, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = date.charAt(i);
      if (c < '0' || c > '9') {
        throw notADate(date);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static IllegalArgumentException notADate(String date) {
    return new IllegalArgumentException("date '" + date + "' is not YYYY-MM-DD or YYYY-MM");
  }
}
