package com.salestalk.servicekit.auth;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.util.Optional;

/** Finds the tenant an API key belongs to, by the key's hash. */
public interface TenantApiKeyLookup {

  /**
   * @param apiKeyHash {@link ApiKeys#hash(String)} of the presented key
   * @return the tenant, or empty when no tenant has that key
   */
  Optional<TenantId> tenantFor(String apiKeyHash);
}
