package com.salestalk.validation.reports;

import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import com.salestalk.validation.checks.CheckName;
import com.salestalk.validation.checks.CheckResult;
import com.salestalk.validation.checks.QualityReport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code salestalk.validation.score} summary per check: one recording of each check's score per
 * report. Its only tag is the check's id, a value of {@link CheckName}: never a tenant or an
 * upload.
 */
final class QualityScores {

  private final Map<CheckName, DistributionSummary> byCheck = new EnumMap<>(CheckName.class);

  QualityScores(MeterRegistry registry) {
    for (CheckName check : CheckName.values()) {
      byCheck.put(
          check,
          DistributionSummary.builder(SalesTalkMetrics.QUALITY_SCORE.name())
              .description(SalesTalkMetrics.QUALITY_SCORE.description())
              .tag(SalesTalkMetrics.CHECK, check.id())
              .register(registry));
    }
  }

  void record(QualityReport report) {
    for (CheckResult check : report.checks()) {
      byCheck.get(check.name()).record(check.score().doubleValue());
    }
  }
}
