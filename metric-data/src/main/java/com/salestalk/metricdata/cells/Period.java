package com.salestalk.metricdata.cells;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of whole months a summary covers: a month, a quarter, a year, or a quarter or year to date
 * (from the start of the quarter or year through a given month).
 *
 * <p>Text forms ({@link #parse} and {@link #label}): {@code 2025-07}, {@code 2025-Q3}, {@code
 * 2025}, {@code QTD-2025-08} (July and August 2025), {@code YTD-2025-08} (January to August 2025),
 * and {@code QTD} / {@code YTD} for "through the current month".
 *
 * @param kind what span it is
 * @param first its first month
 * @param last its last month
 */
public record Period(Kind kind, YearMonth first, YearMonth last) {

  /** What span a period is. */
  public enum Kind {
    /** One month. */
    MONTH,
    /** Three months from January, April, July or October. */
    QUARTER,
    /** January to December. */
    YEAR,
    /** From the first month of a quarter through a month of it. */
    QUARTER_TO_DATE,
    /** From January through a month of the same year. */
    YEAR_TO_DATE
  }

  /** What {@link #parse} accepts, for error messages. */
  public static final String FORMS =
      "YYYY, YYYY-Qn, YYYY-MM, QTD, YTD, QTD-YYYY-MM or YTD-YYYY-MM (e.g. 2025, 2025-Q3, 2025-07)";

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern TO_DATE = Pattern.compile("(QTD|YTD)(?:-(\\d{4})-(0[1-9]|1[0-2]))?");

  /** Checks that the months make the kind of span. */
  public Period {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    YearMonth expectedFirst =
        switch (kind) {
          case MONTH -> last;
          case QUARTER, QUARTER_TO_DATE -> quarterStart(last);
          case YEAR, YEAR_TO_DATE -> YearMonth.of(last.getYear(), 1);
        };
    boolean lastFits =
        switch (kind) {
          case QUARTER -> last.equals(quarterStart(last).plusMonths(2));
          case YEAR -> last.getMonthValue() == 12;
          default -> true;
        };
    if (!first.equals(expectedFirst) || !lastFits) {
      throw new IllegalArgumentException("a " + kind + " cannot run from " + first + " to " + last);
    }
  }

  /** The month {@code month}. */
  public static Period month(YearMonth month) {
    return new Period(Kind.MONTH, month, month);
  }

  /** Quarter {@code quarter} (1 to 4) of {@code year}. */
  public static Period quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4, not " + quarter);
    }
    YearMonth start = YearMonth.of(year, 3 * quarter - 2);
    return new Period(Kind.QUARTER, start, start.plusMonths(2));
  }

  /** The year {@code year}. */
  public static Period year(int year) {
    return new Period(Kind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
  }

  /** From the start of {@code through}'s quarter through {@code through}. */
  public static Period quarterToDate(YearMonth through) {
    return new Period(Kind.QUARTER_TO_DATE, quarterStart(through), through);
  }

  /** From January of {@code through}'s year through {@code through}. */
  public static Period yearToDate(YearMonth through) {
    return new Period(Kind.YEAR_TO_DATE, YearMonth.of(through.getYear(), 1), through);
  }

  /**
   * Reads a period's text form.
   *
   * @param text {@code 2025}, {@code 2025-Q3}, {@code 2025-07}, {@code QTD}, {@code YTD}, {@code
   *     QTD-2025-08} or {@code YTD-2025-08}
   * @param currentMonth the month {@code QTD} and {@code YTD} run through
   * @throws IllegalArgumentException naming the forms when {@code text} is none of them
   */
  public static Period parse(String text, YearMonth currentMonth) {
    String trimmed = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    Matcher m;
    if ((m = YEAR.matcher(trimmed)).matches()) {
      return year(Integer.parseInt(m.group(1)));
    }
    if ((m = QUARTER.matcher(trimmed)).matches()) {
      return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = MONTH.matcher(trimmed)).matches()) {
      return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    if ((m = TO_DATE.matcher(trimmed)).matches()) {
      YearMonth through =
          m.group(2) == null
              ? currentMonth
              : YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return m.group(1).equals("QTD") ? quarterToDate(through) : yearToDate(through);
    }
    throw new IllegalArgumentException("must be " + FORMS + "; got '" + text + "'");
  }

  /**
   * The period before, of the same length: the previous month, quarter or year; for a quarter or
   * year to date, the same months of the previous quarter or year.
   */
  public Period previous() {
    return switch (kind) {
      case MONTH -> month(first.minusMonths(1));
      case QUARTER -> new Period(kind, first.minusMonths(3), last.minusMonths(3));
      case YEAR, YEAR_TO_DATE -> new Period(kind, first.minusYears(1), last.minusYears(1));
      case QUARTER_TO_DATE -> quarterToDate(last.minusMonths(3));
    };
  }

  /** The months, first to last. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** Whether {@code month} is one of the period's. */
  public boolean contains(YearMonth month) {
    return !month.isBefore(first) && !month.isAfter(last);
  }

  /** The text form: {@code 2025-07}, {@code 2025-Q3}, {@code 2025}, {@code QTD-2025-08}, … */
  public String label() {
    return switch (kind) {
      case MONTH -> first.toString();
      case QUARTER -> quarterLabel(first);
      case YEAR -> String.format(Locale.ROOT, "%04d", first.getYear());
      case QUARTER_TO_DATE -> "QTD-" + last;
      case YEAR_TO_DATE -> "YTD-" + last;
    };
  }

  /** The label of the quarter {@code month} is in, e.g. {@code 2025-Q3}. */
  public static String quarterLabel(YearMonth month) {
    return String.format(Locale.ROOT, "%04d-Q%d", month.getYear(), quarterOf(month));
  }

  @Override
  public String toString() {
    return label();
  }

  private static int quarterOf(YearMonth month) {
    return (month.getMonthValue() - 1) / 3 + 1;
  }

  private static YearMonth quarterStart(YearMonth month) {
    return YearMonth.of(month.getYear(), 3 * quarterOf(month) - 2);
  }
}
