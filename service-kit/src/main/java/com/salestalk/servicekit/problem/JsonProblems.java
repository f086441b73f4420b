package com.salestalk.servicekit.problem;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Problems for request bodies Jackson could not read: unknown fields and wrong types name the field
 * (422), JSON over a parser limit and malformed JSON are 400s.
 */
final class JsonProblems {
  private JsonProblems() {}

  static ProblemDetail fromUnreadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof ProblemException problem) {
      return problem.getBody();
    }
    if (cause instanceof PropertyBindingException unknown) {
      String field = pathOf(unknown);
      return violation(field, "is not a known field; allowed: " + known(unknown));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      String field = pathOf(mismatch);
      Class<?> target = mismatch.getTargetType();
      String message = target == null ? "has the wrong type" : "must be " + describe(target);
      if (field.isEmpty()) {
        return Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            ProblemTypes.VALIDATION,
            "The request body must be " + (target == null ? "a JSON object" : describe(target)),
            List.of(new FieldViolation("", message)));
      }
      return violation(field, message);
    }
    if (cause instanceof InputCoercionException outOfRange) {
      Class<?> target = outOfRange.getTargetType();
      return violation(
          pathOf(outOfRange),
          "is out of range for " + (target == null ? "its type" : describe(target)));
    }
    if (cause instanceof StreamConstraintsException limit) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          ProblemTypes.JSON_LIMITS,
          "The JSON body exceeds a parsing limit: " + limit.getOriginalMessage(),
          List.of());
    }
    if (cause instanceof StreamReadException malformed) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          ProblemTypes.MALFORMED_JSON,
          "The body is not well-formed JSON: " + malformed.getOriginalMessage(),
          List.of());
    }
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.MALFORMED_JSON,
        "The request body is missing or unreadable; send a JSON object",
        List.of());
  }

  private static ProblemDetail violation(String field, String message) {
    return Problems.validation(List.of(new FieldViolation(field, message)));
  }

  private static String known(PropertyBindingException ex) {
    Collection<Object> ids = ex.getKnownPropertyIds();
    if (ids == null || ids.isEmpty()) {
      return "none";
    }
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** {@code a.b[2].c} for a Jackson path. */
  static String pathOf(tools.jackson.core.JacksonException ex) {
    StringBuilder out = new StringBuilder();
    for (tools.jackson.core.JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  static String describe(Class<?> type) {
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java")) {
      return "a JSON object";
    }
    return "a valid " + type.getSimpleName();
  }
}
