package com.salestalk.eventcontracts.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The id of a tenant, {@code tenant-…}; always the authenticated tenant, never taken from a request
 * body.
 */
public record TenantId(String value) {

  private static final Pattern FORM = Pattern.compile("tenant-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** Checks the form {@code tenant-…}. */
  public TenantId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "tenant id must match tenant-[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    }
  }

  /** Parses a tenant id. */
  @JsonCreator
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
