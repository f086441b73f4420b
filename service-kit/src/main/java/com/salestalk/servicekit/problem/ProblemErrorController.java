package com.salestalk.servicekit.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that never reached a Spring MVC handler (raised in a servlet filter, or sent by
 * the container) as problem+json, replacing Spring Boot's whitelabel/JSON error controller.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemDetail problem;
    ErrorResponse known = find(error);
    if (code == null) {
      problem = Problems.noEndpoint(request.getMethod(), request.getRequestURI());
    } else if (known != null) {
      problem = known.getBody();
    } else {
      int status = code instanceof Integer i ? i : 500;
      problem = forStatus(status, request.getMethod(), path, error);
    }
    HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
    ProblemResponses.complete(problem, status, path);
    return ResponseEntity.status(status).contentType(Problems.MEDIA_TYPE).body(problem);
  }

  private static ProblemDetail forStatus(int status, String method, String path, Throwable error) {
    if (status == 404) {
      return Problems.noEndpoint(method, path);
    }
    if (status >= 500) {
      String reference = UUID.randomUUID().toString();
      log.error("error {} on {} {}: status {}", reference, method, path, status, error);
      return Problems.unexpected(HttpStatusCode.valueOf(status), reference);
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    HttpStatus known = HttpStatus.resolve(status);
    String reason = known == null ? "Error " + status : known.getReasonPhrase();
    return Problems.of(code, ProblemTypes.forStatus(status), reason, List.of());
  }

  private static ErrorResponse find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ErrorResponse response) {
        return response;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
