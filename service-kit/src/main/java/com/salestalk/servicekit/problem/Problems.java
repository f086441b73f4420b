package com.salestalk.servicekit.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problem bodies in the one shape every SalesTalk service uses. */
public final class Problems {

  /** {@code application/problem+json}. */
  public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

  /** Name of the member that lists offending fields. */
  public static final String ERRORS = "errors";

  private Problems() {}

  /**
   * A problem with status, type, the type's title, and detail.
   *
   * @param status the HTTP status
   * @param type one of {@link ProblemTypes}
   * @param detail a human explanation of this occurrence
   * @param errors offending fields; not rendered when empty
   */
  public static ProblemDetail of(
      HttpStatusCode status, URI type, String detail, List<FieldViolation> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(ProblemTypes.title(type));
    if (!errors.isEmpty()) {
      problem.setProperty(ERRORS, List.copyOf(errors));
    }
    return problem;
  }

  /** 400 {@link ProblemTypes#INVALID_PARAMETER} naming one parameter or header. */
  static ProblemDetail invalidParameter(String name, String message) {
    return of(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.INVALID_PARAMETER,
        "Invalid " + name + ": " + message,
        List.of(new FieldViolation(name, message)));
  }

  /** 422 {@link ProblemTypes#VALIDATION} listing every offending field (at least one). */
  static ProblemDetail validation(List<FieldViolation> violations) {
    return of(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ProblemTypes.VALIDATION,
        RequestValidationException.detail(violations),
        violations);
  }

  /** 404 {@link ProblemTypes#NOT_FOUND}: no endpoint serves {@code method path}. */
  static ProblemDetail noEndpoint(String method, String path) {
    return of(
        HttpStatus.NOT_FOUND,
        ProblemTypes.NOT_FOUND,
        "No endpoint " + method + " " + path,
        List.of());
  }

  /**
   * A server error whose details are only in the log, under {@code reference}, which the problem
   * carries.
   */
  static ProblemDetail unexpected(HttpStatusCode status, String reference) {
    ProblemDetail problem =
        of(
            status,
            ProblemTypes.forStatus(status.value()),
            "An unexpected error occurred; it has been logged with reference " + reference,
            List.of());
    problem.setProperty("reference", reference);
    return problem;
  }
}
