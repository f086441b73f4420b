package com.salestalk.tenantonboard.tenants;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documentation only: the problem responses of each operation, composed from one annotation per
 * response that several operations share.
 */
final class ProblemResponses {
  private ProblemResponses() {}

  @ApiResponse(responseCode = "401", description = "Missing or invalid admin token")
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @interface Unauthorized {}

  @ApiResponse(responseCode = "404", description = "No such tenant (or API key)")
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @interface NotFound {}

  @Unauthorized
  @ApiResponse(
      responseCode = "400",
      description = "Malformed JSON, JSON over a limit, or an invalid header")
  @ApiResponse(
      responseCode = "409",
      description =
          "request-in-progress: a request with this Idempotency-Key is in progress; retry after"
              + " Retry-After seconds")
  @ApiResponse(responseCode = "413", description = "Body over the size limit")
  @ApiResponse(responseCode = "415", description = "Content-Type is not application/json")
  @ApiResponse(
      responseCode = "422",
      description =
          "Invalid field (errors[] names each), or Idempotency-Key reused with another body")
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Create {}

  @Unauthorized
  @NotFound
  @ApiResponse(responseCode = "400", description = "Invalid query parameter")
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Read {}

  @Unauthorized
  @NotFound
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface ByTenant {}

  @Unauthorized
  @NotFound
  @ApiResponse(responseCode = "400", description = "Invalid Idempotency-Key header")
  @ApiResponse(
      responseCode = "409",
      description =
          "request-in-progress: a request with this Idempotency-Key is in progress (retry after"
              + " Retry-After seconds); conflict: the tenant already has the most usable keys,"
              + " or its keys kept changing concurrently")
  @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface IssueKey {}
}
