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
import java.security.SecureRandom;
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
 * Creates tenants: the tenant item, the {@code tenant.provisioned.v1} outbox entry and (with an
 * {@code Idempotency-Key}) the idempotency record are written in one DynamoDB transaction, so
 * either all exist or none does; the outbox relay publishes the event afterwards.
 */
final class TenantProvisioning {

  /** The service name in events and idempotency keys. */
  static final String SERVICE = "tenant-onboard";

  private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);
  private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int ID_LENGTH = 20;

  private final TenantStore store;
  private final Outbox outbox;
  private final HttpIdempotency idempotency;
  private final EnvelopeFactory events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TenantProvisioning(
      TenantStore store,
      Outbox outbox,
      HttpIdempotency idempotency,
      EnvelopeFactory events,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.events = events;
    this.clock = clock;
  }

  /** What a create did. */
  sealed interface Outcome {
    Tenant tenant();
  }

  /** A new tenant, with its API key (never stored in clear). */
  record Created(Tenant tenant, String apiKey) implements Outcome {}

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
            newId(),
            request.name(),
            request.plan(),
            request.region(),
            request.currency(),
            request.timezone(),
            List.of(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    String apiKey = ApiKeys.generate();
    EventEnvelope event = events.create(tenant.id(), provisioned(tenant), flow);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(store.putNew(tenant, ApiKeys.hash(apiKey)));
    key.ifPresent(k -> items.add(idempotency.claim(k, requestHash, tenant.id().value())));
    try {
      outbox.write(items, List.of(event));
    } catch (TransactionCanceledException e) {
      if (key.isPresent()) {
        Optional<Outcome> replay = replay(key.get(), requestHash);
        if (replay.isPresent()) {
          log.info("concurrent create with the same Idempotency-Key; answering with the winner");
          return replay.get();
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
    return new Created(tenant, apiKey);
  }

  private Optional<Outcome> replay(IdempotencyKey key, String requestHash) {
    return idempotency
        .priorResult(key, requestHash)
        .map(
            id ->
                new Replayed(
                    store
                        .find(TenantId.of(id))
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "idempotency record points at missing tenant " + id))));
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

  private TenantId newId() {
    StringBuilder id = new StringBuilder("tenant-");
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return TenantId.of(id.toString());
  }
}
