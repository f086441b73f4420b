package com.salestalk.validation.reports;

import com.salestalk.validation.checks.CheckName;
import com.salestalk.validation.checks.CheckResult;
import com.salestalk.validation.checks.Finding;
import com.salestalk.validation.checks.QualityReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reports for the tests of this package. */
final class SampleReports {

  /** A key found twice. */
  static final Finding DUPLICATE =
      new Finding(
          "revenue",
          "2026-03-02",
          Map.of("region", "EMEA"),
          null,
          null,
          List.of(2L, 3L),
          null,
          null,
          2L,
          null,
          null);

  private SampleReports() {}

  /** Every check passed but uniqueness, which found {@link #DUPLICATE}: failed. */
  static QualityReport oneDuplicate() {
    List<CheckResult> checks = new ArrayList<>();
    for (CheckName name : CheckName.values()) {
      checks.add(
          name == CheckName.UNIQUENESS
              ? check(name, false, new BigDecimal("0.5"), List.of(DUPLICATE))
              : check(name, true, BigDecimal.ONE, List.of()));
    }
    return QualityReport.of(checks);
  }

  /** A result with {@code score} as its value, threshold 1, and {@code found} as its details. */
  static CheckResult check(CheckName name, boolean passed, BigDecimal score, List<Finding> found) {
    return new CheckResult(
        name, passed, name.severity(), score, BigDecimal.ONE, score, found, found.size(), false);
  }
}
