package com.salestalk.servicekit.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every exception a request can raise into an {@code application/problem+json} response:
 * Spring MVC's own (404, 405, 415, unreadable bodies, bad parameters), {@link ProblemException}s
 * thrown by services, AWS dependency failures (503) and, as a last resort, bugs (500, logged with a
 * reference the response carries).
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(ex, JsonProblems.fromUnreadable(ex), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    String expected =
        ex.getRequiredType() == null
            ? "a valid value"
            : JsonProblems.describe(ex.getRequiredType());
    return respond(ex, Problems.invalidParameter(name, "must be " + expected), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(
        ex, Problems.invalidParameter(ex.getParameterName(), "is required"), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex instanceof MissingRequestHeaderException missing) {
      return respond(
          ex,
          Problems.invalidParameter(missing.getHeaderName(), "header is required"),
          headers,
          request);
    }
    return super.handleServletRequestBindingException(ex, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      violations.add(
          new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(
            e -> violations.add(new FieldViolation("", String.valueOf(e.getDefaultMessage()))));
    return validation(ex, violations, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            violations.add(
                                new FieldViolation(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    String.valueOf(error.getDefaultMessage())))));
    return validation(ex, violations, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return respond(
        ex, Problems.noEndpoint(ex.getHttpMethod().name(), path(request)), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(
      NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return respond(ex, Problems.noEndpoint(ex.getHttpMethod(), path(request)), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String allowed =
        ex.getSupportedHttpMethods() == null
            ? ""
            : ex.getSupportedHttpMethods().stream()
                .map(Object::toString)
                .sorted()
                .collect(Collectors.joining(", "));
    String detail =
        "Method "
            + ex.getMethod()
            + " is not supported by "
            + path(request)
            + (allowed.isEmpty() ? "" : "; allowed: " + allowed);
    return respond(
        ex,
        Problems.of(status, ProblemTypes.METHOD_NOT_ALLOWED, detail, List.of()),
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String supported =
        ex.getSupportedMediaTypes().stream()
            .map(Object::toString)
            .collect(Collectors.joining(", "));
    String given = ex.getContentType() == null ? "none" : "'" + ex.getContentType() + "'";
    String detail =
        "Content-Type "
            + given
            + " is not supported by "
            + path(request)
            + (supported.isEmpty() ? "" : "; send " + supported);
    return respond(
        ex,
        Problems.of(status, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, detail, List.of()),
        headers,
        request);
  }

  /** A dependency failed: 503 when retrying may help, otherwise a bug or misconfiguration. */
  @ExceptionHandler(SdkException.class)
  ResponseEntity<Object> handleAws(SdkException ex, WebRequest request) {
    boolean transientFailure =
        ex instanceof SdkClientException
            || (ex instanceof AwsServiceException service
                && (service.isThrottlingException() || service.statusCode() >= 500));
    if (!transientFailure) {
      return handleBug(ex, request);
    }
    log.warn("dependency unavailable for {}: {}", path(request), ex.toString());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    return respond(
        ex,
        Problems.of(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemTypes.SERVICE_UNAVAILABLE,
            "A storage or messaging dependency is unavailable; retry the request later",
            List.of()),
        headers,
        request);
  }

  /** Anything else is a bug: log it with a reference and answer 500 without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleBug(Exception ex, WebRequest request) {
    String reference = UUID.randomUUID().toString();
    log.error("unhandled error {} on {}", reference, path(request), ex);
    return respond(
        ex,
        Problems.unexpected(HttpStatus.INTERNAL_SERVER_ERROR, reference),
        new HttpHeaders(),
        request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
    ProblemResponses.complete(problem, status, path(request));
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(Problems.MEDIA_TYPE);
    if (status.is4xxClientError()) {
      log.debug("{} {}: {}", status.value(), path(request), problem.getDetail());
    }
    return new ResponseEntity<>(problem, out, status);
  }

  /** The response for a problem, with the problem's status. */
  private ResponseEntity<Object> respond(
      Exception ex, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
    return handleExceptionInternal(
        ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
  }

  private ResponseEntity<Object> validation(
      Exception ex, List<FieldViolation> violations, HttpHeaders headers, WebRequest request) {
    List<FieldViolation> listed =
        violations.isEmpty() ? List.of(new FieldViolation("", "is invalid")) : violations;
    return respond(ex, Problems.validation(listed), headers, request);
  }

  static String path(WebRequest request) {
    if (request instanceof ServletWebRequest servlet) {
      return servlet.getRequest().getRequestURI();
    }
    if (request instanceof NativeWebRequest nativeRequest) {
      return nativeRequest.getDescription(false);
    }
    return request.getDescription(false);
  }
}
