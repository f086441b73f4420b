package com.salestalk.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.metricdata.rows.NormalizedRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadChecksTest {

  static final Instant UPLOADED = Instant.parse("2026-04-10T08:00:00Z");

  static CheckSettings settings(BigDecimal minCompleteness, int maxDetails) {
    return new CheckSettings(Set.of("revenue"), minCompleteness, Duration.ofDays(35), maxDetails);
  }

  static QualityReport check(CheckSettings settings, List<NormalizedRow> rows) {
    UploadChecks checks =
        new UploadChecks(settings, new UploadFacts(rows.size(), 0, List.of(), UPLOADED));
    rows.forEach(checks::accept);
    return checks.finish();
  }

  static NormalizedRow row(long row, String date, String metric, String value, String region) {
    return new NormalizedRow(row, date, metric, new BigDecimal(value), Map.of("region", region));
  }

  static CheckResult result(QualityReport report, CheckName name) {
    return report.checks().stream().filter(c -> c.name() == name).findFirst().orElseThrow();
  }

  @Test
  void aFailureOutweighsWarnings() {
    QualityReport report =
        check(
            settings(BigDecimal.ONE, 20),
            List.of(
                row(1, "2026-01", "revenue", "1", "EMEA"),
                row(2, "2026-03", "revenue", "1", "EMEA"),
                row(3, "2026-03", "revenue", "1", "EMEA")));

    assertThat(result(report, CheckName.GAPS).passed()).isFalse();
    assertThat(result(report, CheckName.UNIQUENESS).passed()).isFalse();
    assertThat(report.status()).isEqualTo(Status.FAILED);
  }

  @Test
  void aCheckListsAtMostMaxDetailsAndSaysThatItCutTheList() {
    QualityReport report =
        check(
            settings(BigDecimal.ONE, 3),
            List.of(
                row(1, "2026-03", "revenue", "-1", "A"),
                row(2, "2026-03", "revenue", "-2", "B"),
                row(3, "2026-03", "revenue", "-3", "C"),
                row(4, "2026-03", "revenue", "-4", "D"),
                row(5, "2026-03", "revenue", "-5", "E")));

    CheckResult negatives = result(report, CheckName.NON_NEGATIVE);
    assertThat(negatives.value()).isEqualByComparingTo("5");
    assertThat(negatives.details()).extracting(Finding::row).containsExactly(1L, 2L, 3L);
    assertThat(negatives.detailsTotal()).isEqualTo(5);
    assertThat(negatives.detailsTruncated()).isTrue();
  }

  @Test
  void aFindingListsTheFirstTenRowsOrRangesAndCountsThemAll() {
    List<NormalizedRow> rows =
        java.util.stream.LongStream.rangeClosed(1, 12)
            .mapToObj(r -> row(r, "2026-03-01", "revenue", "1", "EMEA"))
            .toList();
    CheckResult uniqueness =
        result(check(settings(BigDecimal.ONE, 20), rows), CheckName.UNIQUENESS);
    assertThat(uniqueness.details()).hasSize(1);
    assertThat(uniqueness.details().get(0).count()).isEqualTo(12);
    assertThat(uniqueness.details().get(0).rows())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(uniqueness.value()).isEqualByComparingTo("0");

    List<NormalizedRow> everyOtherDay =
        java.util.stream.LongStream.rangeClosed(1, 13)
            .mapToObj(r -> row(r, String.format("2026-03-%02d", 2 * r - 1), "revenue", "1", "EMEA"))
            .toList();
    CheckResult gaps = result(check(settings(BigDecimal.ONE, 20), everyOtherDay), CheckName.GAPS);
    assertThat(gaps.value()).isEqualByComparingTo("12");
    assertThat(gaps.details().get(0).count()).isEqualTo(12);
    assertThat(gaps.details().get(0).periods())
        .containsExactly(
            "2026-03-02",
            "2026-03-04",
            "2026-03-06",
            "2026-03-08",
            "2026-03-10",
            "2026-03-12",
            "2026-03-14",
            "2026-03-16",
            "2026-03-18",
            "2026-03-20");
  }

  @Test
  void completenessPassesAtOrAboveTheConfiguredShare() {
    List<NormalizedRow> rows =
        List.of(
            row(1, "2026-03", "revenue", "1", "EMEA"),
            row(2, "2026-03", "revenue", "1", "AMER"),
            row(3, "2026-03", "revenue", "1", ""));

    CheckResult atTwoThirds =
        result(check(settings(new BigDecimal("0.666666"), 20), rows), CheckName.COMPLETENESS);
    CheckResult belowTwoThirds =
        result(check(settings(new BigDecimal("0.67"), 20), rows), CheckName.COMPLETENESS);

    assertThat(atTwoThirds.passed()).isTrue();
    assertThat(atTwoThirds.value()).isEqualByComparingTo("0.666666");
    assertThat(belowTwoThirds.passed()).isFalse();
  }

  @Test
  void aMonthIsFreshUntilItsLastDay() {
    // 2026-03 ends 2026-03-31: 10 days before the upload, although it began 40 days before it
    CheckResult freshness =
        result(
            check(settings(BigDecimal.ONE, 20), List.of(row(1, "2026-03", "units", "1", "EMEA"))),
            CheckName.FRESHNESS);

    assertThat(freshness.passed()).isTrue();
    assertThat(freshness.value()).isEqualByComparingTo("10");
    assertThat(freshness.threshold()).isEqualByComparingTo("35");
  }

  @Test
  void anUploadWithoutRowsFailsFreshnessOnlyAndScoresOneElsewhere() {
    QualityReport report = check(settings(BigDecimal.ONE, 20), List.of());

    assertThat(report.status()).isEqualTo(Status.WARNINGS);
    CheckResult freshness = result(report, CheckName.FRESHNESS);
    assertThat(freshness.passed()).isFalse();
    assertThat(freshness.value()).isNull();
    assertThat(freshness.details())
        .extracting(Finding::reason)
        .containsExactly("the upload has no rows");
    assertThat(report.checks())
        .filteredOn(c -> c.name() != CheckName.FRESHNESS)
        .allSatisfy(c -> assertThat(c.score()).isEqualByComparingTo("1"));
  }

  @Test
  void aDateThatIsNotADateIsRefused() {
    UploadChecks checks =
        new UploadChecks(settings(BigDecimal.ONE, 20), new UploadFacts(1, 0, List.of(), UPLOADED));

    assertThatThrownBy(() -> checks.accept(row(1, "2026-02-30", "revenue", "1", "EMEA")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("date '2026-02-30' is not YYYY-MM-DD or YYYY-MM");
    assertThatThrownBy(() -> checks.accept(row(1, "2026-13", "revenue", "1", "EMEA")))
        .hasMessage("date '2026-13' is not YYYY-MM-DD or YYYY-MM");
  }

  @Test
  void cellsThatLookLikeOtherCellsStillMakeDistinctSeries() {
    Map<String, String> first = new java.util.LinkedHashMap<>();
    first.put("a", "1\u0001b");
    first.put("c", "2");
    Map<String, String> second = new java.util.LinkedHashMap<>();
    second.put("a", "1");
    second.put("b", "2\u0001c\u00012");
    SeriesKeys keys = new SeriesKeys();

    int one = keys.id("m", Grain.DAY, first);
    int two = keys.id("m", Grain.DAY, second);
    int oneAgain = keys.id("m", Grain.DAY, new java.util.LinkedHashMap<>(first));
    int monthly = keys.id("m", Grain.MONTH, first);

    assertThat(List.of(one, two, oneAgain, monthly)).containsExactly(0, 1, 0, 2);
    assertThat(keys.series(one)).isEqualTo(new Series("m", Grain.DAY, first));
    assertThat(keys.series(two)).isEqualTo(new Series("m", Grain.DAY, second));
    assertThat(keys.grain(monthly)).isEqualTo(Grain.MONTH);
  }

  @Test
  void seriesKeysHoldManySeriesWithNonAsciiCells() {
    SeriesKeys keys = new SeriesKeys();
    for (int i = 0; i < 50_000; i++) {
      assertThat(keys.id("Umsatz", Grain.DAY, Map.of("Region", "Köln-" + i))).isEqualTo(i);
    }
    for (int i = 0; i < 50_000; i += 997) {
      assertThat(keys.id("Umsatz", Grain.DAY, Map.of("Region", "Köln-" + i))).isEqualTo(i);
      assertThat(keys.series(i).dimensions()).containsExactly(Map.entry("Region", "Köln-" + i));
    }
    assertThat(keys.count()).isEqualTo(50_000);
  }
}
