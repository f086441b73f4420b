package com.salestalk.metricdata.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {

  private static final UploadStamp OLD = UploadStamp.of("upl-018f00000000-aaaaaaaaaa");
  private static final UploadStamp NEW = UploadStamp.of("upl-019000000000-bbbbbbbbbb");

  private final Map<YearMonth, MonthTotal> totals = new HashMap<>();
  private final Map<YearMonth, List<BreakdownCell>> breakdowns = new HashMap<>();

  private static YearMonth month(String text) {
    return YearMonth.parse(text);
  }

  private static CellStats stats(String sum, long count, String min, String max) {
    return new CellStats(new BigDecimal(sum), count, new BigDecimal(min), new BigDecimal(max));
  }

  private void total(String month, CellStats stats, UploadStamp upload, String... dimensions) {
    totals.put(
        month(month), new MonthTotal("revenue", month(month), stats, List.of(dimensions), upload));
  }

  private void cells(String month, BreakdownCell... cells) {
    breakdowns.put(month(month), List.of(cells));
  }

  private static BreakdownCell cell(String value, String sum) {
    return new BreakdownCell(value, CellStats.of(new BigDecimal(sum)));
  }

  private Summary summary(String period) {
    return summary(period, null);
  }

  private Summary summary(String period, String dimension) {
    return Summaries.derive(
        "revenue", Period.parse(period, month("2025-08")), totals, dimension, breakdowns);
  }

  @Test
  void aQuarterSumsItsMonthCells() {
    total("2025-07", stats("100.50", 2, "40.25", "60.25"), OLD);
    total("2025-08", stats("200", 4, "10", "90"), NEW);
    total("2025-09", stats("-30", 1, "-30", "-30"), OLD);
    total("2025-10", stats("999", 1, "999", "999"), NEW);

    Summary q3 = summary("2025-Q3");

    assertThat(q3.current().monthsWithData())
        .containsExactly(month("2025-07"), month("2025-08"), month("2025-09"));
    assertThat(q3.current().stats()).isEqualTo(stats("270.50", 7, "-30", "90"));
    assertThat(q3.current().average()).isEqualByComparingTo("38.64285714285714");
    assertThat(q3.current().monthlyAverage()).isEqualByComparingTo("90.16666666666667");
    assertThat(q3.uploadIds()).containsExactly(OLD.uploadId(), NEW.uploadId());
    assertThat(q3.dataAsOf()).isEqualTo(NEW.uploadedAt());
    assertThat(q3.breakdown()).isNull();
  }

  @Test
  void aYearAndItsQuartersAndMonthsAgreeAndPartialPeriodsNameTheirMonths() {
    total("2025-02", stats("10", 1, "10", "10"), OLD);
    total("2025-05", stats("20", 1, "20", "20"), OLD);
    total("2025-06", stats("30", 1, "30", "30"), OLD);

    assertThat(summary("2025").current().total()).isEqualByComparingTo("60");
    assertThat(summary("2025-Q2").current().total()).isEqualByComparingTo("50");
    assertThat(summary("2025-Q2").current().monthsWithData())
        .containsExactly(month("2025-05"), month("2025-06"));
    assertThat(summary("2025-06").current().total()).isEqualByComparingTo("30");
    assertThat(summary("YTD-2025-05").current().total()).isEqualByComparingTo("30");
    assertThat(summary("QTD-2025-05").current().total()).isEqualByComparingTo("20");
  }

  @Test
  void growthIsTheChangeOverThePreviousPeriodsTotal() {
    total("2025-04", stats("80", 1, "80", "80"), OLD);
    total("2025-07", stats("100", 1, "100", "100"), NEW);

    Summary q3 = summary("2025-Q3");

    assertThat(q3.previous().period().label()).isEqualTo("2025-Q2");
    assertThat(q3.previous().total()).isEqualByComparingTo("80");
    assertThat(q3.growth()).isEqualByComparingTo("0.25");
  }

  @Test
  void growthOverANegativePreviousTotalIsMeasuredAgainstItsSize() {
    total("2025-06", stats("-50", 1, "-50", "-50"), OLD);
    total("2025-07", stats("-25", 1, "-25", "-25"), NEW);

    assertThat(summary("2025-07").growth()).isEqualByComparingTo("0.5");
  }

  @Test
  void withoutAPreviousPeriodThereIsNoGrowth() {
    total("2025-07", stats("100", 1, "100", "100"), NEW);

    Summary q3 = summary("2025-Q3");

    assertThat(q3.previous()).isNull();
    assertThat(q3.growth()).isNull();
  }

  @Test
  void aPreviousTotalOfZeroGivesNoGrowth() {
    total("2025-06", stats("0", 2, "-5", "5"), OLD);
    total("2025-07", stats("100", 1, "100", "100"), NEW);

    Summary july = summary("2025-07");

    assertThat(july.previous().total()).isEqualByComparingTo("0");
    assertThat(july.growth()).isNull();
  }

  @Test
  void yearToDateComparesWithTheSameMonthsOfTheYearBefore() {
    total("2024-03", stats("50", 1, "50", "50"), OLD);
    total("2024-11", stats("1000", 1, "1000", "1000"), OLD);
    total("2025-03", stats("75", 1, "75", "75"), NEW);

    Summary ytd = summary("YTD");

    assertThat(ytd.period().label()).isEqualTo("YTD-2025-08");
    assertThat(ytd.previous().total()).isEqualByComparingTo("50");
    assertThat(ytd.growth()).isEqualByComparingTo("0.5");
  }

  @Test
  void aPeriodWithoutDataHasNoFigures() {
    total("2025-06", stats("10", 1, "10", "10"), OLD);

    Summary q3 = summary("2025-Q3");

    assertThat(q3.current().hasData()).isFalse();
    assertThat(q3.current().total()).isNull();
    assertThat(q3.current().average()).isNull();
    assertThat(q3.current().monthlyAverage()).isNull();
    assertThat(q3.previous().total()).isEqualByComparingTo("10");
    assertThat(q3.growth()).isNull();
    assertThat(q3.dataAsOf()).isNull();
    assertThat(q3.uploadIds()).isEmpty();
  }

  @Test
  void theBreakdownSumsEachValueOverThePeriodWithItsOwnGrowth() {
    total("2025-06", stats("30", 2, "10", "20"), OLD, "region");
    cells("2025-06", cell("EU", "10"), cell("US", "20"));
    total("2025-07", stats("45", 2, "15", "30"), NEW, "region");
    cells("2025-07", cell("EU", "15"), cell("US", "30"));
    total("2025-08", stats("5", 2, "1", "4"), NEW, "region");
    cells("2025-08", cell("APAC", "4"), cell("EU", "1"));
    total("2025-09", stats("7", 1, "7", "7"), NEW);

    Breakdown breakdown = summary("2025-Q3", "region").breakdown();

    assertThat(breakdown.dimension()).isEqualTo("region");
    assertThat(breakdown.values())
        .containsExactly(
            new DimensionFigures("APAC", CellStats.of(new BigDecimal("4")), null, null),
            new DimensionFigures(
                "EU", stats("16", 2, "1", "15"), new BigDecimal("10"), new BigDecimal("0.6")),
            new DimensionFigures(
                "US",
                CellStats.of(new BigDecimal("30")),
                new BigDecimal("20"),
                new BigDecimal("0.5")));
    assertThat(breakdown.monthsWithout()).containsExactly(month("2025-09"));
  }

  @Test
  void anUnknownDimensionBreaksDownIntoNothing() {
    total("2025-07", stats("45", 2, "15", "30"), NEW, "region");

    Breakdown breakdown = summary("2025-07", "product").breakdown();

    assertThat(breakdown.values()).isEmpty();
    assertThat(breakdown.monthsWithout()).containsExactly(month("2025-07"));
  }

  @Test
  void dataAsOfIsTheNewestUploadBehindThePeriod() {
    total("2025-07", stats("1", 1, "1", "1"), NEW);
    total("2025-08", stats("1", 1, "1", "1"), OLD);

    assertThat(summary("2025-Q3").dataAsOf()).isEqualTo(Instant.ofEpochMilli(0x019000000000L));
  }
}
