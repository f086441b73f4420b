package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class CachingTenantApiKeyLookupTest {

  private final AtomicInteger calls = new AtomicInteger();
  private boolean failing;

  private CachingTenantApiKeyLookup cache(Duration ttl, Duration negativeTtl) {
    TenantApiKeyLookup source =
        hash -> {
          calls.incrementAndGet();
          if (failing) {
            throw new IllegalStateException("table unavailable");
          }
          return Optional.ofNullable(Map.of("known", TenantId.of("tenant-a")).get(hash));
        };
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("lookup", source));
    return new CachingTenantApiKeyLookup(
        beans.getBeanProvider(TenantApiKeyLookup.class), ttl, negativeTtl, 100);
  }

  @Test
  void knownAndUnknownKeysAreEachLookedUpOnce() {
    CachingTenantApiKeyLookup lookup = cache(Duration.ofMinutes(1), Duration.ofMinutes(1));
    assertThat(lookup.tenantFor("known")).contains(TenantId.of("tenant-a"));
    assertThat(lookup.tenantFor("known")).contains(TenantId.of("tenant-a"));
    assertThat(lookup.tenantFor("unknown")).isEmpty();
    assertThat(lookup.tenantFor("unknown")).isEmpty();
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void unknownKeysExpireOnTheirOwnShorterTtl() {
    CachingTenantApiKeyLookup lookup = cache(Duration.ofMinutes(1), Duration.ZERO);
    lookup.tenantFor("known");
    lookup.tenantFor("unknown");
    lookup.tenantFor("known");
    lookup.tenantFor("unknown");
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void failuresAreNotCached() {
    CachingTenantApiKeyLookup lookup = cache(Duration.ofMinutes(1), Duration.ofMinutes(1));
    failing = true;
    assertThatThrownBy(() -> lookup.tenantFor("known")).hasMessage("table unavailable");
    failing = false;
    assertThat(lookup.tenantFor("known")).contains(TenantId.of("tenant-a"));
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void withoutASourceNoKeyIsKnown() {
    CachingTenantApiKeyLookup lookup =
        new CachingTenantApiKeyLookup(
            new StaticListableBeanFactory().getBeanProvider(TenantApiKeyLookup.class),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            10);
    assertThat(lookup.tenantFor("known")).isEmpty();
  }
}
