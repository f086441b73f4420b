package com.salestalk.tenantonboard.tenants;

import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.RequestValidationException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates create requests against the rules of tenant.provisioned.v1 (and a little more: real ISO
 * 4217 currencies and IANA zones), reporting every offending field at once.
 */
final class TenantRequests {

  /** Most characters (code points) in a name. */
  static final int MAX_NAME_LENGTH = 200;

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-[0-9]");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z]+(/[A-Za-z0-9_+-]+){0,2}|UTC");
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final TenantsProperties properties;

  TenantRequests(TenantsProperties properties) {
    this.properties = properties;
  }

  /**
   * @throws RequestValidationException naming every invalid field
   */
  NewTenant validate(CreateTenantRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    String name = name(request.name(), violations);
    Plan plan = plan(request.plan(), violations);
    String region = orDefault(request.region(), properties.defaultRegion());
    if (!REGION.matcher(region).matches()) {
      violations.add(new FieldViolation("region", "must be an AWS region name such as us-east-1"));
    }
    String currency = orDefault(request.currency(), properties.defaultCurrency());
    if (!isCurrency(currency)) {
      violations.add(
          new FieldViolation("currency", "must be an ISO 4217 currency code such as USD"));
    }
    String timezone = orDefault(request.timezone(), properties.defaultTimezone());
    if (!isZone(timezone)) {
      violations.add(
          new FieldViolation("timezone", "must be an IANA time zone such as Europe/Berlin"));
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(violations);
    }
    return new NewTenant(name, plan, region, currency, timezone);
  }

  private static String name(String raw, List<FieldViolation> violations) {
    if (raw == null) {
      violations.add(new FieldViolation("name", "is required"));
      return null;
    }
    String name = raw.strip();
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      violations.add(new FieldViolation("name", "must not be blank"));
    } else if (length > MAX_NAME_LENGTH) {
      violations.add(
          new FieldViolation(
              "name", "must be at most " + MAX_NAME_LENGTH + " characters, got " + length));
    } else if (name.codePoints().anyMatch(TenantRequests::forbidden)) {
      violations.add(new FieldViolation("name", "must not contain control characters"));
    }
    return name;
  }

  /**
   * Control, line/paragraph separator, bidirectional override and unpaired surrogate code points.
   */
  static boolean forbidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  private static Plan plan(String raw, List<FieldViolation> violations) {
    if (raw == null) {
      violations.add(new FieldViolation("plan", "is required"));
      return null;
    }
    return Plan.fromWire(raw)
        .orElseGet(
            () -> {
              violations.add(
                  new FieldViolation(
                      "plan", "must be one of " + String.join(", ", Plan.wireNames())));
              return null;
            });
  }

  private static String orDefault(String given, String fallback) {
    return given == null ? fallback : given;
  }

  static boolean isCurrency(String code) {
    if (!CURRENCY.matcher(code).matches()) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isZone(String zone) {
    return ZONE.matcher(zone).matches() && ZONES.contains(zone);
  }
}
