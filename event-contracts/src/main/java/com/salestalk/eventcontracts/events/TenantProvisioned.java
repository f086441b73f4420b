package com.salestalk.eventcontracts.events;

import static com.salestalk.eventcontracts.events.Components.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The data of {@code tenant.provisioned.v1}: a new tenant was created by an administrator.
 *
 * @param name display name
 * @param plan subscription plan
 * @param region AWS region the tenant's data lives in, e.g. {@code us-east-1}
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param timezone IANA zone, e.g. {@code America/New_York}, or {@code UTC}
 * @param features enabled features, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventContract("tenant.provisioned.v1")
public record TenantProvisioned(
    String name, Plan plan, String region, String currency, String timezone, List<String> features)
    implements EventPayload {

  /** Requires every property the schema requires. */
  public TenantProvisioned {
    required(name, "name");
    required(plan, "plan");
    required(region, "region");
    required(currency, "currency");
    required(timezone, "timezone");
    features = Components.copyOf(features);
  }
}
