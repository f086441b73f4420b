package com.salestalk.servicekit.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fails startup (fail closed) when an endpoint under the API prefix declares no access, when an
 * {@link AuthenticatedTenant} parameter sits on a non-tenant handler, when admin endpoints exist
 * without an admin token, or tenant endpoints without a way to look keys up.
 */
final class AccessDeclarationCheck implements SmartInitializingSingleton {

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private final AdminTokenVerifier admin;
  private final ObjectProvider<TenantApiKeyLookup> tenants;
  private final String apiPrefix;

  AccessDeclarationCheck(
      ObjectProvider<RequestMappingHandlerMapping> mappings,
      AdminTokenVerifier admin,
      ObjectProvider<TenantApiKeyLookup> tenants,
      String apiPrefix) {
    this.mappings = mappings;
    this.admin = admin;
    this.tenants = tenants;
    this.apiPrefix = apiPrefix;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> problems = new ArrayList<>();
    boolean anyAdmin = false;
    boolean anyTenant = false;
    for (RequestMappingHandlerMapping mapping : mappings.orderedStream().toList()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
          mapping.getHandlerMethods().entrySet()) {
        HandlerMethod handler = entry.getValue();
        boolean underApi =
            entry.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith(apiPrefix));
        Access access;
        try {
          access = Access.of(handler);
        } catch (IllegalStateException e) {
          problems.add(e.getMessage());
          continue;
        }
        anyAdmin |= access == Access.ADMIN;
        anyTenant |= access == Access.TENANT;
        if (underApi && access == Access.UNDECLARED) {
          problems.add(
              handler
                  + " is under "
                  + apiPrefix
                  + " but declares no access (@AdminApi, @TenantApi or @PublicApi)");
        }
        if (Access.wantsTenant(handler.getMethod()) && access != Access.TENANT) {
          problems.add(handler + " takes an @AuthenticatedTenant but is not a @TenantApi");
        }
      }
    }
    if (anyAdmin && !admin.configured()) {
      problems.add(
          AdminProperties.PREFIX
              + ".token is not set (or shorter than "
              + AdminProperties.MIN_TOKEN_LENGTH
              + " characters) but this service has admin endpoints; set it, e.g. from"
              + " SALESTALK_ADMIN_TOKEN");
    }
    if (anyTenant && tenants.getIfAvailable() == null) {
      problems.add(
          "this service has tenant endpoints but no TenantApiKeyLookup (is a DynamoDbClient"
              + " configured?)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "endpoint access is misconfigured:\n  - " + String.join("\n  - ", problems));
    }
  }
}
