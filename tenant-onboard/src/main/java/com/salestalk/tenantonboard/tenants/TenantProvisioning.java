package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.idempotency.HttpIdempotency;
import com.salestalk.servicekit.idempotency.IdempotencyKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Creates tenants: the tenant item, its first API key's item, the {@code tenant.provisioned.v1}
 * outbox entry and (with an {@code Idempotency-Key}) the idempotency record are written in one
 * DynamoDB transaction, so either all exist or none does; the outbox relay publishes the event
 * afterwards.
 */
final class TenantProvisioning {

  /** The service name in events and idempotency keys. */
  static final String SERVICE = "tenant-onboard";

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

  private final TenantStore store;
  private final ApiKeyStore keys;
  private final Outbox outbox;
  private final HttpIdempotency idempotency;
  private final EnvelopeFactory events;
  private final Clock clock;

  TenantProvisioning(
      TenantStore store,
      ApiKeyStore keys,
      Outbox outbox,
      HttpIdempotency idempotency,
      EnvelopeFactory events,
      Clock clock) {
    this.store = store;
    this.keys = keys;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.events = events;
    this.clock = clock;
  }

  /** What a create did. */
  sealed interface Outcome {
    Tenant tenant();
  }

  /**
   * A new tenant, with its API key (never stored in clear).
   *
   * @param tenant the tenant
   * @param apiKey its key
   * @param keyId the key's id
   */
  record Created(Tenant tenant, String apiKey, String keyId) implements Outcome {}

  /** A retry with the same Idempotency-Key and body: the tenant created the first time. */
  record Replayed(Tenant tenant) implements Outcome {}

  /**
   * @param request the validated request
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @param flow the request's flow (correlation id)
   */
  Outcome create(NewTenant request, String idempotencyKey, Flow flow) {
    Optional<IdempotencyKey> key =
        Optional.ofNullable(idempotencyKey).map(k -> idempotency.key(SERVICE, "admin", k));
    String requestHash = HttpIdempotency.hash(request.canonical());
    if (key.isPresent()) {
      Optional<Outcome> replay = replay(key.get(), requestHash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    Tenant tenant =
        new Tenant(
            TenantId.of(RandomIds.next("tenant-")),
            request.name(),
            request.plan(),
            request.region(),
            request.currency(),
            request.timezone(),
            List.of(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            TenantStatus.ACTIVE);
    String apiKey = ApiKeys.generate();
    ApiKey first = new ApiKey(RandomIds.next("key-"), tenant.createdAt(), null, null);
    EventEnvelope event = events.create(tenant.id(), provisioned(tenant), flow);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(store.putNew(tenant, first.keyId()));
    items.add(keys.putNew(tenant.id(), new ApiKeyStore.StoredKey(first, ApiKeys.hash(apiKey))));
    key.ifPresent(k -> items.add(idempotency.claim(k, requestHash, tenant.id().value())));
    try {
      outbox.write(items, List.of(event));
    } catch (TransactionCanceledException e) {
      if (key.isPresent()) {
        Optional<String> winner =
            idempotency.resultOfConcurrentRequest(key.get(), requestHash, items, e);
        if (winner.isPresent()) {
          log.info("concurrent create with the same Idempotency-Key; answering with the winner");
          return replayOf(winner.get());
        }
      }
      throw e;
    }
    log.info(
        "provisioned {} ({}), event {} correlation {}",
        tenant.id(),
        tenant.plan().wire(),
        event.eventId(),
        event.correlationId());
    return new Created(tenant, apiKey, first.keyId());
  }

  private Optional<Outcome> replay(IdempotencyKey key, String requestHash) {
    return idempotency.priorResult(key, requestHash).map(this::replayOf);
  }

  private Outcome replayOf(String tenantId) {
    return new Replayed(
        store
            .find(TenantId.of(tenantId))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "idempotency record points at missing tenant " + tenantId)));
  }

  private static TenantProvisioned provisioned(Tenant tenant) {
    return new TenantProvisioned(
        tenant.name(),
        com.salestalk.eventcontracts.events.Plan.valueOf(tenant.plan().name()),
        tenant.region(),
        tenant.currency(),
        tenant.timezone(),
        tenant.features());
  }
}
