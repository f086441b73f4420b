package com.salestalk.servicekit.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * A bounded cache in front of a lookup: known keys for {@code ttl}, unknown keys for the shorter
 * {@code negativeTtl} (so a flood of wrong keys does not reach DynamoDB, and a just-created key is
 * not refused for long). Lookup failures are not cached.
 */
final class CachingTenantApiKeyLookup implements TenantApiKeyLookup {

  private final Supplier<TenantApiKeyLookup> delegate;
  private final Cache<String, Optional<TenantId>> cache;

  /**
   * @param delegate the lookup behind the cache, resolved on first use and kept (absent: no tenant
   *     has a key, and the startup check refuses tenant endpoints)
   */
  CachingTenantApiKeyLookup(
      ObjectProvider<TenantApiKeyLookup> delegate,
      Duration ttl,
      Duration negativeTtl,
      long maximumSize) {
    this.delegate = SingletonSupplier.of(delegate::getIfAvailable);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(
                Expiry.<String, Optional<TenantId>>creating(
                    (key, value) -> value.isPresent() ? ttl : negativeTtl))
            .build();
  }

  @Override
  public Optional<TenantId> tenantFor(String apiKeyHash) {
    TenantApiKeyLookup source = delegate.get();
    if (source == null) {
      return Optional.empty();
    }
    return cache.get(apiKeyHash, source::tenantFor);
  }
}
