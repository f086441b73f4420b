package com.salestalk.tenantonboard.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.envelope.TenantId;
import org.junit.jupiter.api.Test;

class PageTokensTest {

  @Test
  void roundTripsATenantId() {
    TenantId id = TenantId.of("tenant-abc123");
    String token = TenantStore.PageTokens.encode(id);
    assertThat(token).doesNotContain("=", "+", "/");
    assertThat(TenantStore.PageTokens.decode(token)).contains(id);
  }

  @Test
  void refusesTokensItDidNotIssue() {
    assertThat(TenantStore.PageTokens.decode("!!")).isEmpty();
    assertThat(TenantStore.PageTokens.decode("bm90LWEtdGVuYW50")).isEmpty(); // "not-a-tenant"
    assertThat(TenantStore.PageTokens.decode("")).isEmpty();
  }
}
