package com.salestalk.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.metricdata.rows.NormalizedRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-row upload, streamed through the checks without S3: two years of daily values of 3
 * metrics by 20 regions and 23 products (1,380 series). The build runs this class alone in a JVM
 * with a 96 MB heap (the {@code large-upload-in-a-small-heap} execution of surefire in this
 * module's pom): the rows are generated one at a time, as the reader streams them, so what stays is
 * what the checks keep.
 */
class LargeUploadTest {

  static final int ROWS = 1_000_000;
  static final List<String> METRICS = List.of("revenue", "units", "deals_closed");
  static final LocalDate FIRST_DAY = LocalDate.parse("2024-04-01");

  @Test
  void aMillionRowUploadIsCheckedInASmallHeap() {
    UploadChecks checks =
        new UploadChecks(
            new CheckSettings(Set.copyOf(METRICS), BigDecimal.ONE, Duration.ofDays(35), 20),
            new UploadFacts(ROWS, 0, List.of(), Instant.parse("2026-04-10T08:00:00Z")));
    for (int i = 0; i < ROWS - 1; i++) {
      checks.accept(row(i + 1, i));
    }
    NormalizedRow first = row(1, 0);
    checks.accept(
        new NormalizedRow(ROWS, first.date(), first.metric(), first.value(), first.dimensions()));

    QualityReport report = checks.finish();

    assertThat(report.status()).isEqualTo(Status.FAILED);
    assertThat(report.checks())
        .filteredOn(c -> c.name() != CheckName.UNIQUENESS)
        .allSatisfy(c -> assertThat(c.passed()).as(c.name().id()).isTrue());
    CheckResult uniqueness = report.checks().get(1);
    assertThat(uniqueness.value()).isEqualByComparingTo("0.999998");
    assertThat(uniqueness.details()).hasSize(1);
    assertThat(uniqueness.details().get(0))
        .isEqualTo(
            new Finding(
                "revenue",
                "2024-04-01",
                Map.of("region", "region-00", "product", "product-00"),
                null,
                null,
                List.of(1L, (long) ROWS),
                null,
                null,
                2L,
                null,
                null));
  }

  /** The i-th row: days vary slowest, then metrics, regions and products. */
  static NormalizedRow row(long number, int i) {
    int product = i % 23;
    int region = (i / 23) % 20;
    int metric = (i / (23 * 20)) % METRICS.size();
    int day = i / (23 * 20 * METRICS.size());
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("region", String.format("region-%02d", region));
    dimensions.put("product", String.format("product-%02d", product));
    return new NormalizedRow(
        number,
        FIRST_DAY.plusDays(day).toString(),
        METRICS.get(metric),
        BigDecimal.valueOf(1000 + 10L * region + product + day % 7),
        dimensions);
  }
}
