package com.salestalk.service.problem;

import java.net.URI;
import java.util.List;
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
}
