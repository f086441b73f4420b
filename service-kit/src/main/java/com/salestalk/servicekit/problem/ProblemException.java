package com.salestalk.servicekit.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Throw from a controller (or anything it calls) to answer with a problem+json response of the
 * given status, type and detail. The service-kit exception handler renders it.
 */
public class ProblemException extends ErrorResponseException {
  private static final long serialVersionUID = 1L;

  /**
   * @param status the HTTP status
   * @param type one of {@link ProblemTypes}
   * @param detail a human explanation of this occurrence
   */
  public ProblemException(HttpStatus status, URI type, String detail) {
    this(status, type, detail, List.of());
  }

  /**
   * @param status the HTTP status
   * @param type one of {@link ProblemTypes}
   * @param detail a human explanation of this occurrence
   * @param errors the offending fields, rendered as {@code errors}; empty for none
   */
  public ProblemException(HttpStatus status, URI type, String detail, List<FieldViolation> errors) {
    this(status, Problems.of(status, type, detail, errors));
  }

  /** A problem built by {@link Problems}. */
  ProblemException(HttpStatus status, ProblemDetail body) {
    super(status, body, null);
  }

  /** A 404 {@link ProblemTypes#NOT_FOUND} problem. */
  public static ProblemException notFound(String detail) {
    return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, detail);
  }

  /** A 400 {@link ProblemTypes#INVALID_PARAMETER} problem naming one parameter or header. */
  public static ProblemException invalidParameter(String name, String message) {
    return new ProblemException(HttpStatus.BAD_REQUEST, Problems.invalidParameter(name, message));
  }

  @Override
  public String getMessage() {
    ProblemDetail body = getBody();
    return getStatusCode().value() + " " + body.getType() + ": " + body.getDetail();
  }
}
