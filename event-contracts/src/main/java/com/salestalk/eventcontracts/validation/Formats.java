package com.salestalk.eventcontracts.validation;

import com.salestalk.eventcontracts.envelope.Timestamps;
import java.util.function.Predicate;

/**
 * Allocation-free checks for the string formats the contracts use, each accepting a subset of what
 * the format allows, which is all {@link CompiledSchema} needs: anything else is left to networknt.
 * Dates and date-times are {@link Timestamps}' canonical forms.
 */
final class Formats {

  private Formats() {}

  /** The check of a format, or {@code null} when the format is not one checked here. */
  static Predicate<String> named(String format) {
    return switch (format) {
      case "uuid" -> Formats::isUuid;
      case "date" -> Timestamps::isCanonicalDate;
      case "date-time" -> Timestamps::isCanonical;
      default -> null;
    };
  }

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

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
