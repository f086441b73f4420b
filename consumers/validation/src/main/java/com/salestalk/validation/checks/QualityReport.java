package com.salestalk.validation.checks;

import java.util.List;

/**
 * The checks of one upload and their verdict.
 *
 * @param status {@link Status#of} the checks
 * @param checks one result per {@link CheckName}, in that order
 */
public record QualityReport(Status status, List<CheckResult> checks) {

  /** Copies the checks. */
  public QualityReport {
    checks = List.copyOf(checks);
  }

  /** The report of these results. */
  public static QualityReport of(List<CheckResult> checks) {
    return new QualityReport(Status.of(checks), checks);
  }
}
