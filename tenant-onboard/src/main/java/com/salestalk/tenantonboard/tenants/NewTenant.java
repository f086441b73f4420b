package com.salestalk.tenantonboard.tenants;

/**
 * A validated create request with defaults applied.
 *
 * @param name trimmed display name
 * @param plan the plan
 * @param region AWS region name
 * @param currency ISO 4217 code
 * @param timezone IANA zone id
 */
record NewTenant(String name, Plan plan, String region, String currency, String timezone) {

  /** A stable text of every field, for the idempotency request hash. */
  String canonical() {
    return String.join("\u0000", "v1", name, plan.wire(), region, currency, timezone);
  }
}
