package com.salestalk.chathandler.answering;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.metricdata.cells.Period;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Figures in sensible units, and spans of months as the fewest cell periods. */
class AmountsTest {

  static String money(String value) {
    return Amounts.format(new BigDecimal(value), Currency.getInstance("USD"));
  }

  @Test
  void smallFiguresInFullLargeOnesToThreeDigitsInTheirUnit() {
    assertThat(money("4500")).isEqualTo("$4,500");
    assertThat(money("950.5")).isEqualTo("$950.50");
    assertThat(money("9999.995")).isEqualTo("$10,000.00");
    assertThat(money("12345")).isEqualTo("$12.3K");
    assertThat(money("350000")).isEqualTo("$350K");
    assertThat(money("999950")).isEqualTo("$1M");
    assertThat(money("1234567")).isEqualTo("$1.23M");
    assertThat(money("-1200")).isEqualTo("-$1,200");
    assertThat(money("4200000000000")).isEqualTo("$4200B");
    assertThat(Amounts.format(new BigDecimal("42"), null)).isEqualTo("42");
    assertThat(Amounts.format(new BigDecimal("12.345"), null)).isEqualTo("12.35");
    assertThat(Amounts.format(new BigDecimal("1500"), Currency.getInstance("EUR")))
        .isEqualTo("€1,500");
    assertThat(Amounts.format(new BigDecimal("1500"), Currency.getInstance("CHF")))
        .isEqualTo("CHF 1,500");
    assertThat(Amounts.percent(new BigDecimal("-0.1255"))).isEqualTo("12.6%");
  }

  @Test
  void moneyIsTellFromTheMetricsName() {
    assertThat(Answerer.isMoney("revenue")).isTrue();
    assertThat(Answerer.isMoney("pipeline_value")).isTrue();
    assertThat(Answerer.isMoney("Net New ARR")).isTrue();
    assertThat(Answerer.isMoney("deals_closed")).isFalse();
  }

  @Test
  void aSpanIsCoveredByYearsQuartersAndMonths() {
    assertThat(Spans.cover(YearMonth.parse("2025-05"), YearMonth.parse("2026-04")))
        .containsExactly(
            Period.month(YearMonth.parse("2025-05")),
            Period.month(YearMonth.parse("2025-06")),
            Period.quarter(2025, 3),
            Period.quarter(2025, 4),
            Period.quarter(2026, 1),
            Period.month(YearMonth.parse("2026-04")));
    assertThat(Spans.cover(YearMonth.parse("2024-01"), YearMonth.parse("2025-12")))
        .containsExactly(Period.year(2024), Period.year(2025));
  }
}
