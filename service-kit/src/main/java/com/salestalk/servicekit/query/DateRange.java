package com.salestalk.servicekit.query;

import com.salestalk.servicekit.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of UTC days from the query parameters {@code from} and {@code to} ({@code
 * ?from=2025-01-01&to=2025-01-31}), bounded in length.
 *
 * @param from first day
 * @param to last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

  /** Name of the first day's query parameter. */
  public static final String FROM = "from";

  /** Name of the last day's query parameter. */
  public static final String TO = "to";

  // strict: 2025-02-30 is refused rather than moved to the month's last day
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** Requires both days, {@code from} not after {@code to}. */
  public DateRange {
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("need from <= to, got " + from + " to " + to);
    }
  }

  /**
   * The range the parameters name.
   *
   * @param from the {@code from} parameter as sent, or {@code null} when absent
   * @param to the {@code to} parameter as sent, or {@code null} when absent
   * @param maxDays the most days the range may hold (both ends included)
   * @throws ProblemException a 400 {@code invalid-parameter} naming the parameter when one is
   *     missing or not a real day {@code YYYY-MM-DD}, {@code to} is before {@code from}, or the
   *     range holds more than {@code maxDays} days
   */
  public static DateRange parse(String from, String to, int maxDays) {
    LocalDate first = day(FROM, from);
    LocalDate last = day(TO, to);
    if (last.isBefore(first)) {
      throw ProblemException.invalidParameter(
          TO, "must not be before from (" + first + "), got " + last);
    }
    DateRange range = new DateRange(first, last);
    if (range.days() > maxDays) {
      throw ProblemException.invalidParameter(
          TO,
          "the range "
              + first
              + " to "
              + last
              + " holds "
              + range.days()
              + " days; at most "
              + maxDays
              + " are allowed");
    }
    return range;
  }

  /** How many days the range holds, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw ProblemException.invalidParameter(name, "is required: a day YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value, DAY);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidParameter(
          name, "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '" + shortened(value) + "'");
    }
  }

  /** The value as echoed in a problem: at most 40 characters. */
  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
