package com.salestalk.metricshandler.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks answer exactly as the regular expressions and java.time parsers they
 * replaced: the same cells accepted, the same reasons, the same values and scales.
 */
class CellsTest {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)");

  @Test
  void datesAreJudgedAsLocalDateAndYearMonthJudgeThem() {
    List<String> dates = new ArrayList<>();
    for (String year : List.of("0000", "1900", "2000", "2023", "2024", "2100", "9999")) {
      for (int month = 0; month <= 13; month++) {
        String yearMonth = year + "-" + (month < 10 ? "0" : "") + month;
        dates.add(yearMonth);
        for (int day = 0; day <= 32; day++) {
          dates.add(yearMonth + "-" + (day < 10 ? "0" : "") + day);
        }
      }
    }
    dates.addAll(
        List.of(
            "",
            "2026",
            "2026-1",
            "2026-1-01",
            "2026-01-1",
            "26-01-01",
            "2026/01/01",
            "2026-01-01x",
            "2026-01-01T00:00",
            "+2026-01",
            "2026-0a",
            "２０２６-01",
            "2026–01",
            "01/31/2026",
            "2026-01-",
            "-2026-01"));

    for (String date : dates) {
      assertThat(Cells.dateProblem(date)).as(date).isEqualTo(reference(date));
    }
  }

  @Test
  void decimalsAreAcceptedAsThePatternAcceptsThemWithTheScaleOfTheirText() {
    List<String> values =
        List.of(
            "0",
            "-0",
            "+0",
            "7",
            "+3",
            "-12.5",
            ".5",
            "-.5",
            "+.5",
            "1234.50",
            "000123",
            "0.000",
            "-0.00",
            "123456789012345678",
            "1234567890123456789",
            "-99999999999999999.9",
            "0.0000001",
            "12345678901234567890.123456789",
            "",
            "+",
            "-",
            ".",
            "5.",
            "-5.",
            "1..2",
            "1.2.3",
            "1e5",
            "1E+30",
            "1,000",
            "12 5",
            "abc",
            "n/a",
            "١٢",
            "--1",
            "+-1",
            "0x10",
            "9223372036854775807",
            "-9223372036854775808");

    for (String value : values) {
      BigDecimal expected = DECIMAL.matcher(value).matches() ? new BigDecimal(value) : null;
      BigDecimal actual = Cells.decimal(value);
      assertThat(actual).as(value).isEqualTo(expected);
      if (expected != null) {
        assertThat(actual.toString()).as(value).isEqualTo(expected.toString());
      }
    }
  }

  /** How the rows were checked before. */
  private static String reference(String date) {
    if (DAY.matcher(date).matches()) {
      try {
        LocalDate.parse(date);
      } catch (DateTimeException e) {
        return "date " + MetricsCsv.quote(date) + " is not a valid day";
      }
    } else if (MONTH.matcher(date).matches()) {
      try {
        YearMonth.parse(date);
      } catch (DateTimeException e) {
        return "date " + MetricsCsv.quote(date) + " is not a valid month";
      }
    } else {
      return "date " + MetricsCsv.quote(date) + " is not YYYY-MM-DD or YYYY-MM";
    }
    return null;
  }
}
