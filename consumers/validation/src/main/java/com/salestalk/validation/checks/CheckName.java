package com.salestalk.validation.checks;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The checks of a report, in report order, each with the severity of not passing it. The ids are
 * also the {@code check} tag of the quality score metric: a fixed, short list.
 */
public enum CheckName {
  /** Required fields present: rows not rejected at upload, no empty dimension cell. */
  COMPLETENESS("completeness", Severity.WARNING),
  /** Each (metric, date, dimensions) at most once. */
  UNIQUENESS("uniqueness", Severity.FAILURE),
  /** Every period of a series between its first and last date present. */
  GAPS("gaps", Severity.WARNING),
  /** No negative value of a metric that cannot be negative. */
  NON_NEGATIVE("non-negative", Severity.FAILURE),
  /** No value with a modified z-score beyond 3.5 within its series. */
  OUTLIERS("outliers", Severity.WARNING),
  /** The newest date close enough to the upload time. */
  FRESHNESS("freshness", Severity.WARNING);

  private final String id;
  private final Severity severity;

  CheckName(String id, Severity severity) {
    this.id = id;
    this.severity = severity;
  }

  /** The JSON form and metric tag value, e.g. {@code non-negative}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** What not passing this check does to the status. */
  public Severity severity() {
    return severity;
  }
}
