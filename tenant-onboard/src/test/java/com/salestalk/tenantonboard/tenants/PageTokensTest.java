package com.salestalk.tenantonboard.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageTokensTest {

  @Test
  void roundTripsATenantIdAndAKeyItemId() {
    for (String key : new String[] {"tenant-abc123", "tenant-abc123#key-x9y8z7"}) {
      String token = TenantStore.PageTokens.encode(key);
      assertThat(token).doesNotContain("=", "+", "/");
      assertThat(TenantStore.PageTokens.decode(token)).contains(key);
    }
  }

  @Test
  void refusesTokensItDidNotIssue() {
    assertThat(TenantStore.PageTokens.decode("!!")).isEmpty();
    assertThat(TenantStore.PageTokens.decode(base64("not-a-tenant"))).isEmpty();
    assertThat(TenantStore.PageTokens.decode(base64("tenant-abc#other"))).isEmpty();
    assertThat(TenantStore.PageTokens.decode(base64("tenant-abc#key-UPPER"))).isEmpty();
    assertThat(TenantStore.PageTokens.decode("")).isEmpty();
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
