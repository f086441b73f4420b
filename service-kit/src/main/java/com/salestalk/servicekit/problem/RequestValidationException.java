package com.salestalk.servicekit.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A well-formed request whose content is invalid: answered with 422 {@link ProblemTypes#VALIDATION}
 * listing every offending field.
 */
public class RequestValidationException extends ProblemException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldViolation> violations;

  /**
   * @param violations every offending field, at least one
   */
  public RequestValidationException(List<FieldViolation> violations) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.validation(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every offending field. */
  public List<FieldViolation> violations() {
    return violations;
  }

  static String detail(List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation problem needs at least one violation");
    }
    return "The request is invalid: "
        + violations.stream()
            .map(v -> v.field() + " " + v.message())
            .collect(Collectors.joining("; "));
  }
}
