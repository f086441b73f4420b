package com.salestalk.servicekit.limits;

import java.io.IOException;

/** Raised by the counting request stream once a body exceeds the configured limit. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  BodyTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }
}
