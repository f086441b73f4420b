package com.salestalk.metricdata.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

  private static final YearMonth NOW = YearMonth.of(2025, 8);

  private static Period parse(String text) {
    return Period.parse(text, NOW);
  }

  @Test
  void aYearRunsFromJanuaryToDecemberAndFollowsThePreviousYear() {
    Period year = parse("2025");

    assertThat(year)
        .isEqualTo(new Period(Period.Kind.YEAR, YearMonth.of(2025, 1), YearMonth.of(2025, 12)));
    assertThat(year.months()).hasSize(12);
    assertThat(year.previous().label()).isEqualTo("2024");
  }

  @Test
  void quartersAreThreeMonthsAndTheFirstFollowsTheLastOfTheYearBefore() {
    assertThat(parse("2025-Q1").months())
        .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
    assertThat(parse("2025-q4").months())
        .containsExactly(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12));
    assertThat(parse("2025-Q3").previous().label()).isEqualTo("2025-Q2");
    assertThat(parse("2025-Q1").previous().label()).isEqualTo("2024-Q4");
    assertThat(parse("2025-Q1").previous().months())
        .containsExactly(YearMonth.of(2024, 10), YearMonth.of(2024, 11), YearMonth.of(2024, 12));
  }

  @Test
  void aMonthFollowsThePreviousMonthAcrossTheYear() {
    assertThat(parse("2025-07").months()).containsExactly(YearMonth.of(2025, 7));
    assertThat(parse("2025-01").previous().label()).isEqualTo("2024-12");
  }

  @Test
  void yearToDateRunsFromJanuaryAndComparesWithTheSameMonthsOfTheYearBefore() {
    Period ytd = parse("YTD-2025-08");

    assertThat(ytd.first()).isEqualTo(YearMonth.of(2025, 1));
    assertThat(ytd.last()).isEqualTo(YearMonth.of(2025, 8));
    assertThat(ytd.previous().first()).isEqualTo(YearMonth.of(2024, 1));
    assertThat(ytd.previous().last()).isEqualTo(YearMonth.of(2024, 8));
    assertThat(ytd.previous().label()).isEqualTo("YTD-2024-08");
    assertThat(parse("YTD")).isEqualTo(ytd);
  }

  @Test
  void quarterToDateRunsFromTheQuartersFirstMonthAndComparesWithAsManyMonthsOfTheQuarterBefore() {
    Period qtd = parse("QTD-2025-08");

    assertThat(qtd.months()).containsExactly(YearMonth.of(2025, 7), YearMonth.of(2025, 8));
    assertThat(qtd.previous().months())
        .containsExactly(YearMonth.of(2025, 4), YearMonth.of(2025, 5));
    assertThat(parse("QTD-2025-01").previous().months()).containsExactly(YearMonth.of(2024, 10));
    assertThat(parse("QTD-2025-03").previous().label()).isEqualTo("QTD-2024-12");
    assertThat(parse("qtd")).isEqualTo(qtd);
  }

  @Test
  void labelsReadBackAsTheSamePeriod() {
    for (String text :
        new String[] {"2025", "2025-Q3", "2025-07", "QTD-2025-08", "YTD-2025-08", "0999-Q1"}) {
      assertThat(parse(text).label()).isEqualTo(text);
      assertThat(parse(parse(text).label())).isEqualTo(parse(text));
    }
  }

  @Test
  void everyOtherFormIsRefusedNamingTheForms() {
    for (String text :
        new String[] {
          "",
          " ",
          "25",
          "2025-13",
          "2025-00",
          "2025-Q5",
          "2025-Q0",
          "2025-7",
          "Q3-2025",
          "2025-07-01",
          "YTD-2025",
          "20255",
          "2025 Q3",
          null
        }) {
      assertThatThrownBy(() -> parse(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("must be " + Period.FORMS + "; got '" + text + "'");
    }
  }

  @Test
  void aSpanThatIsNotItsKindIsRefused() {
    assertThatThrownBy(
            () -> new Period(Period.Kind.QUARTER, YearMonth.of(2025, 2), YearMonth.of(2025, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a QUARTER cannot run from 2025-02 to 2025-04");
    assertThatThrownBy(
            () -> new Period(Period.Kind.YEAR, YearMonth.of(2025, 1), YearMonth.of(2025, 11)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsOnlyItsOwnMonths() {
    Period q3 = parse("2025-Q3");

    assertThat(q3.contains(YearMonth.of(2025, 7))).isTrue();
    assertThat(q3.contains(YearMonth.of(2025, 9))).isTrue();
    assertThat(q3.contains(YearMonth.of(2025, 6))).isFalse();
    assertThat(q3.contains(YearMonth.of(2025, 10))).isFalse();
  }
}
