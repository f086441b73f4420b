package com.salestalk.chathandler.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.threeten.extra.LocalDateRange;
import org.threeten.extra.YearQuarter;

/**
 * A resolved period: the dates it covers (both ends inclusive), its grain and a label to show, e.g.
 * {@code Q1 2026} = 2026-01-01..2026-03-31, {@code QUARTER}. A period that is still running keeps
 * its calendar bounds (this year ends on 31 December); the data simply stops at today.
 */
public record Period(LocalDateRange range, Grain grain, String label) {

  /** First day. */
  public LocalDate start() {
    return range.getStart();
  }

  /** Last day (inclusive). */
  public LocalDate end() {
    return range.getEndInclusive();
  }

  /** ISO 8601 interval of dates, e.g. {@code 2026-01-01/2026-03-31}. */
  public String iso() {
    return start() + "/" + end();
  }

  static Period day(LocalDate day) {
    return new Period(LocalDateRange.ofClosed(day, day), Grain.DAY, day.toString());
  }

  /** The ISO week (Monday to Sunday) containing {@code day}. */
  static Period week(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Period(
        LocalDateRange.ofClosed(monday, monday.plusDays(6)), Grain.WEEK, "week of " + monday);
  }

  static Period month(YearMonth month) {
    String name =
        month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    return new Period(
        LocalDateRange.ofClosed(month.atDay(1), month.atEndOfMonth()),
        Grain.MONTH,
        name + " " + month.getYear());
  }

  static Period quarter(YearQuarter quarter) {
    return new Period(
        LocalDateRange.ofClosed(quarter.atDay(1), quarter.atEndOfQuarter()),
        Grain.QUARTER,
        "Q" + quarter.getQuarterValue() + " " + quarter.getYear());
  }

  static Period half(int year, int half) {
    LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
    return new Period(
        LocalDateRange.ofClosed(start, start.plusMonths(6).minusDays(1)),
        Grain.HALF,
        "H" + half + " " + year);
  }

  static Period year(int year) {
    return new Period(
        LocalDateRange.ofClosed(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
        Grain.YEAR,
        Integer.toString(year));
  }

  static Period range(LocalDate start, LocalDate end, String label) {
    return new Period(LocalDateRange.ofClosed(start, end), Grain.RANGE, label);
  }

  static Period range(LocalDate start, LocalDate end) {
    return range(start, end, start + " to " + end);
  }

  /** The unit of {@code grain} that contains {@code day}. */
  static Period containing(Grain grain, LocalDate day) {
    return switch (grain) {
      case DAY -> day(day);
      case WEEK -> week(day);
      case MONTH -> month(YearMonth.from(day));
      case QUARTER -> quarter(YearQuarter.from(day));
      case HALF -> half(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
      case YEAR -> year(day.getYear());
      case RANGE -> throw new IllegalArgumentException("a range is not a calendar unit");
    };
  }

  /** How many days, months, ... one unit of this grain moves (for RANGE: nothing). */
  static long months(Grain grain) {
    return switch (grain) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case HALF -> 6;
      case YEAR -> 12;
      default -> 0;
    };
  }

  /**
   * The period just before this one: the previous unit for a calendar unit; for a range of whole
   * months as many months before it; for any other range as many days before it.
   */
  Period previous() {
    return switch (grain) {
      case DAY -> day(start().minusDays(1));
      case WEEK -> week(start().minusWeeks(1));
      case RANGE -> {
        if (wholeMonths()) {
          long count =
              ChronoUnit.MONTHS.between(YearMonth.from(start()), YearMonth.from(end())) + 1;
          LocalDate from = start().minusMonths(count);
          yield range(from, YearMonth.from(start().minusMonths(1)).atEndOfMonth());
        }
        long days = ChronoUnit.DAYS.between(start(), end()) + 1;
        yield range(start().minusDays(days), start().minusDays(1));
      }
      default -> containing(grain, start().minusMonths(months(grain)));
    };
  }

  /**
   * The same period one year earlier (same unit, or the same dates for a range, a week or a day).
   */
  Period yearEarlier() {
    return switch (grain) {
      case MONTH, QUARTER, HALF, YEAR -> containing(grain, start().minusYears(1));
      case DAY -> day(start().minusYears(1));
      default -> range(start().minusYears(1), end().minusYears(1));
    };
  }

  /**
   * The same span moved back by {@code months} months (a to-date range against the same days
   * before).
   */
  Period monthsEarlier(long months) {
    return range(start().minusMonths(months), end().minusMonths(months));
  }

  private boolean wholeMonths() {
    return start().getDayOfMonth() == 1 && end().equals(YearMonth.from(end()).atEndOfMonth());
  }
}
