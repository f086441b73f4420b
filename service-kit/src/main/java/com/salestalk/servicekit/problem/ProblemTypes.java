package com.salestalk.servicekit.problem;

import java.net.URI;

/**
 * The stable {@code type} URIs of the problems SalesTalk services return. Clients switch on these,
 * never on {@code detail}; a URI never changes meaning once released.
 */
public final class ProblemTypes {

  /** Common prefix of every problem type. */
  public static final String BASE = "https://salestalk.dev/problems/";

  /** 422: the body is well-formed JSON but a field is missing, has the wrong type or value. */
  public static final URI VALIDATION = URI.create(BASE + "validation");

  /** 400: the body is not well-formed JSON (or is empty). */
  public static final URI MALFORMED_JSON = URI.create(BASE + "malformed-json");

  /** 400: the JSON exceeds a parsing limit (nesting depth, number or string length). */
  public static final URI JSON_LIMITS = URI.create(BASE + "json-limits");

  /** 400: a query parameter, path variable or header is missing or invalid. */
  public static final URI INVALID_PARAMETER = URI.create(BASE + "invalid-parameter");

  /** 400: any other malformed request. */
  public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

  /** 401: credentials are missing or invalid. */
  public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

  /** 404: no such endpoint or resource (another tenant's resource included). */
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");

  /** 405: the endpoint exists but not for this HTTP method. */
  public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

  /** 406: none of the accepted media types can be produced. */
  public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");

  /** 409: the request conflicts with the current state. */
  public static final URI CONFLICT = URI.create(BASE + "conflict");

  /**
   * 409: another request with the same {@code Idempotency-Key} is being processed; retry after
   * {@code Retry-After} seconds to get its result.
   */
  public static final URI REQUEST_IN_PROGRESS = URI.create(BASE + "request-in-progress");

  /** 413: the request body is larger than the configured limit. */
  public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

  /** 415: the request's Content-Type is not accepted by the endpoint. */
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

  /** 422: an {@code Idempotency-Key} was reused with a different request body. */
  public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");

  /** 503: a dependency (DynamoDB, EventBridge) is unavailable; retrying later may succeed. */
  public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

  /** 500: a bug; the details are in the service log, never in the response. */
  public static final URI INTERNAL = URI.create(BASE + "internal");

  /** Any other status: the generic problem type of RFC 9457. */
  public static final URI BLANK = URI.create("about:blank");

  private ProblemTypes() {}

  /** The title of a problem type: the same for every occurrence. */
  public static String title(URI type) {
    String name = type.toString().startsWith(BASE) ? type.toString().substring(BASE.length()) : "";
    return switch (name) {
      case "validation" -> "Request validation failed";
      case "malformed-json" -> "Malformed JSON";
      case "json-limits" -> "JSON limit exceeded";
      case "invalid-parameter" -> "Invalid parameter";
      case "bad-request" -> "Bad request";
      case "unauthorized" -> "Unauthorized";
      case "not-found" -> "Not found";
      case "method-not-allowed" -> "Method not allowed";
      case "not-acceptable" -> "Not acceptable";
      case "conflict" -> "Conflict";
      case "request-in-progress" -> "Request in progress";
      case "payload-too-large" -> "Payload too large";
      case "unsupported-media-type" -> "Unsupported media type";
      case "idempotency-key-reused" -> "Idempotency key reused";
      case "service-unavailable" -> "Service unavailable";
      case "internal" -> "Internal server error";
      default -> "Error";
    };
  }

  /** The default type for a status without a more specific one. */
  public static URI forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> VALIDATION;
      case 503 -> SERVICE_UNAVAILABLE;
      case 500 -> INTERNAL;
      default -> BLANK;
    };
  }
}
