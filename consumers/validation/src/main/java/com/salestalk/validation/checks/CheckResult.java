package com.salestalk.validation.checks;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param name the check
 * @param passed whether it passed
 * @param severity what not passing does to the report's status
 * @param value what the check measured (docs/validation.md gives each check's unit)
 * @param threshold the bound {@code value} is held to; {@code null} when nothing could be measured
 * @param score the quality score of the check, 0 to 1 (1 = nothing found)
 * @param details what it found, at most a bounded number
 * @param detailsTotal how many it found
 * @param detailsTruncated whether {@code details} lists fewer than {@code detailsTotal}
 */
@JsonPropertyOrder({
  "name",
  "passed",
  "severity",
  "value",
  "threshold",
  "score",
  "details",
  "detailsTotal",
  "detailsTruncated"
})
public record CheckResult(
    CheckName name,
    boolean passed,
    Severity severity,
    BigDecimal value,
    BigDecimal threshold,
    BigDecimal score,
    List<Finding> details,
    long detailsTotal,
    boolean detailsTruncated) {

  /** Copies the details. */
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(score, "score");
    details = List.copyOf(details);
  }

  static CheckResult of(
      CheckName name,
      boolean passed,
      BigDecimal value,
      BigDecimal threshold,
      BigDecimal score,
      Bounded<Finding> findings) {
    return new CheckResult(
            name,
            passed,
            name.severity(),
            value,
            threshold,
            score,
            List.of(),
            findings.total(),
            false)
        .withDetails(findings.items());
  }

  /** This result with {@code kept} as its details: truncated if they are fewer than the total. */
  public CheckResult withDetails(List<Finding> kept) {
    return new CheckResult(
        name,
        passed,
        severity,
        value,
        threshold,
        score,
        kept,
        detailsTotal,
        kept.size() < detailsTotal);
  }
}
