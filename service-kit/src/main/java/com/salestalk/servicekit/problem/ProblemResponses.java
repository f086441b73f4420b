package com.salestalk.servicekit.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes problems (type, title, instance) and writes them where no Spring MVC handler runs, e.g.
 * from a servlet filter.
 */
public final class ProblemResponses {

  private final JsonMapper mapper;

  /**
   * @param mapper the application's JSON mapper
   */
  public ProblemResponses(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Writes a problem as the whole response.
   *
   * @param response the response, not yet committed
   * @param status the status
   * @param type one of {@link ProblemTypes}
   * @param detail a human explanation
   * @param requestPath the request URI, used as {@code instance}
   */
  public void write(
      HttpServletResponse response, HttpStatus status, URI type, String detail, String requestPath)
      throws IOException {
    write(response, Problems.of(status, type, detail, List.of()), requestPath);
  }

  /** Writes a completed problem as the whole response. */
  public void write(HttpServletResponse response, ProblemDetail problem, String requestPath)
      throws IOException {
    complete(problem, HttpStatusCode.valueOf(problem.getStatus()), requestPath);
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(Problems.MEDIA_TYPE.toString());
    mapper.writeValue(response.getOutputStream(), problem);
    response.flushBuffer();
  }

  /** Fills in the members every SalesTalk problem has. */
  static void complete(ProblemDetail problem, HttpStatusCode status, String requestPath) {
    if (problem.getType() == null || ProblemTypes.BLANK.equals(problem.getType())) {
      URI type = ProblemTypes.forStatus(status.value());
      problem.setType(type);
      if (!ProblemTypes.BLANK.equals(type)) {
        problem.setTitle(ProblemTypes.title(type));
      }
    }
    if (problem.getDetail() == null) {
      problem.setDetail(problem.getTitle());
    }
    if (problem.getInstance() == null && requestPath != null && !requestPath.isEmpty()) {
      try {
        problem.setInstance(URI.create(requestPath));
      } catch (IllegalArgumentException e) {
        // a path that is not a valid URI reference is simply not echoed
      }
    }
  }
}
