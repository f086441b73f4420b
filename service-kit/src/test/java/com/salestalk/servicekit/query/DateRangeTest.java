package com.salestalk.servicekit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.servicekit.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

  @Test
  void readsAnInclusiveRange() {
    DateRange range = DateRange.parse("2025-01-01", "2025-01-31", 366);
    assertThat(range.from()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(range.to()).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(range.days()).isEqualTo(31);
  }

  @Test
  void oneDayIsARange() {
    assertThat(DateRange.parse("2024-02-29", "2024-02-29", 1).days()).isEqualTo(1);
  }

  @Test
  void refusesAMissingDayNamingTheParameter() {
    assertRefused(null, "2025-01-31", 366, "from", "is required: a day YYYY-MM-DD");
    assertRefused("2025-01-01", "", 366, "to", "is required: a day YYYY-MM-DD");
  }

  @Test
  void refusesWhatIsNotARealDay() {
    assertRefused(
        "2025-02-30",
        "2025-03-01",
        366,
        "from",
        "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '2025-02-30'");
    assertRefused(
        "2025-01-01",
        "31.01.2025",
        366,
        "to",
        "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '31.01.2025'");
    assertRefused(
        "2025-1-1",
        "2025-01-02",
        366,
        "from",
        "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '2025-1-1'");
    assertRefused(
        "2025-01-01T00:00:00Z",
        "2025-01-02",
        366,
        "from",
        "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '2025-01-01T00:00:00Z'");
  }

  @Test
  void echoesAtMostFortyCharactersOfABadValue() {
    assertRefused(
        "x".repeat(1000),
        "2025-01-02",
        366,
        "from",
        "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '" + "x".repeat(40) + "…'");
  }

  @Test
  void refusesAnInvertedRange() {
    assertRefused(
        "2025-01-31",
        "2025-01-01",
        366,
        "to",
        "must not be before from (2025-01-31), got 2025-01-01");
  }

  @Test
  void refusesARangeLongerThanTheLimit() {
    assertThat(DateRange.parse("2024-01-01", "2024-12-31", 366).days()).isEqualTo(366);
    assertRefused(
        "2024-01-01",
        "2025-01-01",
        366,
        "to",
        "the range 2024-01-01 to 2025-01-01 holds 367 days; at most 366 are allowed");
  }

  private static void assertRefused(
      String from, String to, int maxDays, String parameter, String message) {
    assertThatThrownBy(() -> DateRange.parse(from, to, maxDays))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(400);
              assertThat(e.getBody().getType().toString())
                  .isEqualTo("https://salestalk.dev/problems/invalid-parameter");
              assertThat(e.getBody().getDetail())
                  .isEqualTo("Invalid " + parameter + ": " + message);
            });
  }
}
