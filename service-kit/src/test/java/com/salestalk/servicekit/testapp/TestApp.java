package com.salestalk.servicekit.testapp;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Test application: the controllers of this package plus an in-memory tenant key lookup. */
@SpringBootApplication
public class TestApp {

  /** The API key of {@link #TENANT}. */
  public static final String TENANT_KEY = ApiKeys.generate();

  /** The only tenant the lookup knows. */
  public static final TenantId TENANT = TenantId.of("tenant-kit");

  /** Admin token of the test configuration. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  /** Counts lookups that reached the "table". */
  public static final AtomicInteger LOOKUPS = new AtomicInteger();

  @Bean
  TenantApiKeyLookup tenantApiKeyLookup() {
    Map<String, TenantId> byHash = Map.of(ApiKeys.hash(TENANT_KEY), TENANT);
    return hash -> {
      LOOKUPS.incrementAndGet();
      return Optional.ofNullable(byHash.get(hash));
    };
  }
}
