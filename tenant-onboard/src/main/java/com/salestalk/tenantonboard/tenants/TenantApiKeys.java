package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.idempotency.HttpIdempotency;
import com.salestalk.servicekit.idempotency.IdempotencyKey;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import com.salestalk.tenantonboard.tenants.ApiKeyStore.StoredKey;
import com.salestalk.tenantonboard.tenants.ApiKeyStore.TenantKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Issues, lists and revokes a tenant's API keys. Issuing a key gives every key that works an end of
 * now plus the grace period (an earlier end stays) and removes the keys that can no longer work.
 * Each change is one DynamoDB transaction conditional on the keys being as read (the tenant item's
 * {@code keysVersion}); a concurrent change makes it start over, up to {@value #ATTEMPTS} times. No
 * event is published: the catalog has none for keys.
 */
final class TenantApiKeys {

  /** Most keys of a tenant that work at once (each issue adds one for the grace period). */
  static final int MAX_USABLE_KEYS = 10;

  private static final Logger log = LoggerFactory.getLogger(TenantApiKeys.class);
  private static final int ATTEMPTS = 3;

  private final ApiKeyStore store;
  private final DynamoDbClient dynamoDb;
  private final HttpIdempotency idempotency;
  private final Duration grace;
  private final Clock clock;

  TenantApiKeys(
      ApiKeyStore store,
      DynamoDbClient dynamoDb,
      HttpIdempotency idempotency,
      Duration grace,
      Clock clock) {
    this.store = store;
    this.dynamoDb = dynamoDb;
    this.idempotency = idempotency;
    this.grace = grace;
    this.clock = clock;
  }

  /** What an issue did. */
  sealed interface IssueOutcome {
    String keyId();
  }

  /**
   * A new key.
   *
   * @param key the new key
   * @param apiKey the key itself (never stored)
   * @param previousKeysExpireAt when the keys that worked before stop working at the latest, or
   *     null when none did
   */
  record Issued(ApiKey key, String apiKey, Instant previousKeysExpireAt) implements IssueOutcome {
    @Override
    public String keyId() {
      return key.keyId();
    }
  }

  /** A retry with the same Idempotency-Key: the key issued the first time (not shown again). */
  record Replayed(String keyId) implements IssueOutcome {}

  /** The tenant's keys, oldest first, or empty when there is no such tenant. */
  Optional<List<ApiKey>> list(TenantId tenant) {
    return store.load(tenant).map(TenantKeys::metadata);
  }

  /**
   * Issues a new key.
   *
   * @param tenant the tenant
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws ProblemException 404 for an unknown tenant; 409 when it has {@value #MAX_USABLE_KEYS}
   *     usable keys, or a concurrent request holds the Idempotency-Key
   */
  IssueOutcome issue(TenantId tenant, String idempotencyKey) {
    Optional<IdempotencyKey> key =
        Optional.ofNullable(idempotencyKey)
            .map(k -> idempotency.key(TenantProvisioning.SERVICE, "admin", k));
    String requestHash =
        HttpIdempotency.hash(String.join("\u0000", "v1", "api-key", tenant.value()));
    if (key.isPresent()) {
      Optional<String> prior = idempotency.priorResult(key.get(), requestHash);
      if (prior.isPresent()) {
        return new Replayed(prior.get());
      }
    }
    return withRetries(
        () -> {
          TenantKeys before = load(tenant);
          Instant now = now();
          Instant end = now.plus(grace);
          List<StoredKey> after = new ArrayList<>();
          for (StoredKey old : before.keys()) {
            if (old.key().usable(now)) {
              after.add(new StoredKey(old.key().endingBy(end), old.apiKeyHash()));
            }
          }
          if (after.size() >= MAX_USABLE_KEYS) {
            throw new ProblemException(
                HttpStatus.CONFLICT,
                ProblemTypes.CONFLICT,
                "Tenant "
                    + tenant
                    + " already has "
                    + MAX_USABLE_KEYS
                    + " usable API keys; revoke one before issuing another");
          }
          Instant previousEnd = after.isEmpty() ? null : end;
          String apiKey = ApiKeys.generate();
          ApiKey created = new ApiKey(RandomIds.next("key-"), now, null, null);
          after.add(new StoredKey(created, ApiKeys.hash(apiKey)));
          List<TransactWriteItem> items = new ArrayList<>(store.changes(before, after));
          key.ifPresent(k -> items.add(idempotency.claim(k, requestHash, created.keyId())));
          Optional<String> winner = commit(items, key, requestHash);
          if (winner.isPresent()) {
            return new Replayed(winner.get());
          }
          log.info("issued API key {} of {}; earlier keys end by {}", created.keyId(), tenant, end);
          return new Issued(created, apiKey, previousEnd);
        });
  }

  /**
   * Revokes a key at once (a revoked key stays revoked).
   *
   * @throws ProblemException 404 for an unknown tenant or key
   */
  void revoke(TenantId tenant, String keyId) {
    withRetries(
        () -> {
          TenantKeys before = load(tenant);
          StoredKey target =
              before
                  .find(keyId)
                  .orElseThrow(
                      () ->
                          ProblemException.notFound(
                              "No API key " + keyId + " of tenant " + tenant));
          if (target.key().revokedAt() != null) {
            return null;
          }
          Instant now = now();
          List<StoredKey> after =
              before.keys().stream()
                  .map(k -> k == target ? new StoredKey(k.key().revoked(now), k.apiKeyHash()) : k)
                  .toList();
          commit(store.changes(before, after), Optional.empty(), null);
          log.info("revoked API key {} of {}", keyId, tenant);
          return null;
        });
  }

  private TenantKeys load(TenantId tenant) {
    return store
        .load(tenant)
        .orElseThrow(() -> ProblemException.notFound("No tenant with id " + tenant));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Writes the items (the first is the tenant item's version check).
   *
   * @return the result of a concurrent request with the same Idempotency-Key that won, if that is
   *     why the transaction was cancelled
   * @throws ConcurrentChange when the keys changed since they were read
   */
  private Optional<String> commit(
      List<TransactWriteItem> items, Optional<IdempotencyKey> key, String requestHash) {
    try {
      dynamoDb.transactWriteItems(b -> b.transactItems(items));
      return Optional.empty();
    } catch (TransactionCanceledException e) {
      if (key.isPresent()) {
        Optional<String> winner =
            idempotency.resultOfConcurrentRequest(key.get(), requestHash, items, e);
        if (winner.isPresent()) {
          return winner;
        }
      }
      String tenantItem = e.hasCancellationReasons() ? e.cancellationReasons().get(0).code() : "";
      if ("ConditionalCheckFailed".equals(tenantItem) || "TransactionConflict".equals(tenantItem)) {
        throw new ConcurrentChange();
      }
      throw e;
    }
  }

  private static <T> T withRetries(Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return change.get();
      } catch (ConcurrentChange e) {
        if (attempt == ATTEMPTS) {
          throw new ProblemException(
              HttpStatus.CONFLICT,
              ProblemTypes.CONFLICT,
              "The tenant's API keys were changed by concurrent requests; retry");
        }
      }
    }
  }

  /** The keys changed between read and write. */
  private static final class ConcurrentChange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConcurrentChange() {
      super(null, null, false, false);
    }
  }
}
