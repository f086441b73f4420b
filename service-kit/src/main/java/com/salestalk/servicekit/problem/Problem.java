package com.salestalk.servicekit.problem;

import java.net.URI;
import java.util.List;

/**
 * The shape of every problem body, for API documentation (OpenAPI schemas); responses are built
 * with {@link Problems} and rendered from Spring's {@code ProblemDetail}.
 *
 * @param type stable URI from {@link ProblemTypes}
 * @param title summary of the type
 * @param status the HTTP status
 * @param detail what went wrong this time, for a human
 * @param instance the request path
 * @param errors the offending fields (validation and parameter problems only)
 * @param reference log reference (500 only)
 */
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    URI instance,
    List<FieldViolation> errors,
    String reference) {}
