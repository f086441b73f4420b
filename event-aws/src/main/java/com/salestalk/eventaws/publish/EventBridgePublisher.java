package com.salestalk.eventaws.publish;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to EventBridge (docs/ARCHITECTURE.md: envelope, reliability): validates strictly first,
 * maps {@code Source = salestalk.<source>}, {@code DetailType = eventType}, {@code Detail =
 * envelope JSON} on the configured bus; packs at most 10 entries and 256 KB (sizes as EventBridge
 * computes them) into each PutEvents request; resends only the entries that failed with a retryable
 * code ({@code ThrottlingException}, {@code InternalFailure}; for a whole failed call: throttling,
 * 5xx and I/O errors) with exponential backoff and full jitter, up to {@link
 * RetryPolicy#maxAttempts()}; and reports the others with their error.
 *
 * <p>Thread-safe.
 */
public final class EventBridgePublisher implements EventPublisher {

  /** Entry error codes worth resending. */
  public static final Set<String> RETRYABLE_ENTRY_CODES =
      Set.of("ThrottlingException", "InternalFailure");

  /** Error code reported for an entry larger than 256 KB; EventBridge would refuse it. */
  public static final String ENTRY_TOO_LARGE = "EntryTooLarge";

  /** Error code reported when the publishing thread was interrupted while backing off. */
  public static final String INTERRUPTED = "Interrupted";

  private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

  private final EventBridgeClient client;
  private final PublisherSettings settings;
  private final EventValidator validator;
  private final PublishMetrics metrics;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * A publisher that sleeps between retries with random jitter.
   *
   * @param client the EventBridge client
   * @param settings bus and retry policy
   * @param validator the strict validator
   * @param registry where metrics go
   */
  public EventBridgePublisher(
      EventBridgeClient client,
      PublisherSettings settings,
      EventValidator validator,
      MeterRegistry registry) {
    this(
        client,
        settings,
        validator,
        new PublishMetrics(registry, EventCatalog.standard()),
        Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * A publisher with injected waiting and randomness, for tests.
   *
   * @param client the EventBridge client
   * @param settings bus and retry policy
   * @param validator the strict validator
   * @param metrics the publish meters
   * @param sleeper waits between retries
   * @param random uniform values in {@code [0, 1)} for the jitter
   */
  public EventBridgePublisher(
      EventBridgeClient client,
      PublisherSettings settings,
      EventValidator validator,
      PublishMetrics metrics,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public PublishResult publish(List<EventEnvelope> events) {
    List<PreparedEvent> valid = new ArrayList<>(events.size());
    List<RejectedEvent> rejected = new ArrayList<>();
    for (EventEnvelope event : events) {
      try {
        valid.add(PreparedEvent.of(event, validator.requireValid(event)));
      } catch (InvalidEventException e) {
        RejectedEvent r =
            new RejectedEvent(
                event.eventId() == null ? null : event.eventId().toString(),
                event.eventType() == null ? null : event.eventType().toString(),
                event.source(),
                e.violations());
        rejected.add(r);
        metrics.rejected(r.eventType(), r.source());
        LOG.warn("rejected event {} ({}): {}", r.eventId(), r.eventType(), e.getMessage());
      }
    }
    PublishResult sent = send(valid);
    for (FailedEvent f : sent.failed()) {
      metrics.failed(f.eventType(), f.source());
    }
    return new PublishResult(sent.published(), rejected, sent.failed());
  }

  @Override
  public PublishResult publishPrepared(List<PreparedEvent> events) {
    return send(events);
  }

  private PublishResult send(List<PreparedEvent> events) {
    if (events.isEmpty()) {
      return new PublishResult(List.of(), List.of(), List.of());
    }
    long start = System.nanoTime();
    List<String> published = new ArrayList<>(events.size());
    List<FailedEvent> failed = new ArrayList<>();
    List<Pending> pending = new ArrayList<>(events.size());
    for (PreparedEvent event : events) {
      Pending p = new Pending(event, entry(event));
      if (p.size > EntrySize.MAX_REQUEST_BYTES) {
        failed.add(
            p.failure(
                ENTRY_TOO_LARGE,
                "entry is "
                    + p.size
                    + " bytes; EventBridge accepts at most "
                    + EntrySize.MAX_REQUEST_BYTES,
                false,
                0));
      } else {
        pending.add(p);
      }
    }
    int attempt = 0;
    while (!pending.isEmpty()) {
      attempt++;
      List<Pending> retry = new ArrayList<>();
      for (List<Pending> batch : batches(pending)) {
        sendBatch(batch, published, retry, failed, attempt);
      }
      if (retry.isEmpty()) {
        break;
      }
      if (attempt >= settings.retry().maxAttempts()) {
        for (Pending p : retry) {
          failed.add(p.failure(p.lastCode, p.lastMessage, true, attempt));
        }
        break;
      }
      try {
        sleeper.sleep(settings.retry().backoff(attempt, random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (Pending p : retry) {
          failed.add(p.failure(INTERRUPTED, "interrupted while backing off", true, attempt));
        }
        break;
      }
      pending = retry;
    }
    long elapsed = System.nanoTime() - start;
    Set<String> sources = new LinkedHashSet<>();
    for (PreparedEvent event : events) {
      sources.add(event.source());
    }
    for (String source : sources) {
      metrics.latency(source, elapsed);
    }
    return new PublishResult(published, List.of(), failed);
  }

  private void sendBatch(
      List<Pending> batch,
      List<String> published,
      List<Pending> retry,
      List<FailedEvent> failed,
      int attempt) {
    List<PutEventsRequestEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      entries.add(p.entry);
    }
    PutEventsResponse response;
    try {
      response = client.putEvents(PutEventsRequest.builder().entries(entries).build());
    } catch (SdkException e) {
      String code = errorCode(e);
      String message = errorMessage(e);
      boolean retryable = retryableCall(e);
      LOG.warn(
          "PutEvents of {} entries failed ({}retryable): {}: {}",
          batch.size(),
          retryable ? "" : "not ",
          code,
          message);
      for (Pending p : batch) {
        if (retryable) {
          retry.add(p.lastError(code, message));
        } else {
          failed.add(p.failure(code, message, false, attempt));
        }
      }
      return;
    }
    List<PutEventsResultEntry> results = response.entries();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
      if (result == null) {
        retry.add(p.lastError("InternalFailure", "no result entry returned for this entry"));
      } else if (result.errorCode() == null || result.errorCode().isEmpty()) {
        published.add(p.event.eventId());
        metrics.published(p.event.eventType(), p.event.source(), 1);
        metrics.billableChunks(p.event.eventType(), EntrySize.billableChunks(p.size));
      } else if (RETRYABLE_ENTRY_CODES.contains(result.errorCode())) {
        retry.add(p.lastError(result.errorCode(), result.errorMessage()));
      } else {
        failed.add(p.failure(result.errorCode(), result.errorMessage(), false, attempt));
      }
    }
  }

  /** Splits in order into requests of at most 10 entries and 256 KB. */
  static List<List<Pending>> batches(List<Pending> pending) {
    List<List<Pending>> batches = new ArrayList<>();
    List<Pending> current = new ArrayList<>(EntrySize.MAX_ENTRIES);
    int bytes = 0;
    for (Pending p : pending) {
      if (!current.isEmpty()
          && (current.size() == EntrySize.MAX_ENTRIES
              || bytes + p.size > EntrySize.MAX_REQUEST_BYTES)) {
        batches.add(current);
        current = new ArrayList<>(EntrySize.MAX_ENTRIES);
        bytes = 0;
      }
      current.add(p);
      bytes += p.size;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  private PutEventsRequestEntry entry(PreparedEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(settings.busName())
        .source(EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source())
        .detailType(event.eventType())
        .detail(event.json())
        .build();
  }

  /** Whether a failed PutEvents call is worth resending: throttling, 5xx, or an I/O problem. */
  static boolean retryableCall(SdkException e) {
    if (e instanceof SdkClientException) {
      return true;
    }
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    return false;
  }

  private static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }

  private static String errorMessage(SdkException e) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      return service.awsErrorDetails().errorMessage();
    }
    return String.valueOf(e.getMessage());
  }

  /** An entry on its way, with its size and its last error. */
  static final class Pending {
    final PreparedEvent event;
    final PutEventsRequestEntry entry;
    final int size;
    String lastCode;
    String lastMessage;

    Pending(PreparedEvent event, PutEventsRequestEntry entry) {
      this.event = event;
      this.entry = entry;
      this.size = EntrySize.of(entry);
    }

    Pending lastError(String code, String message) {
      this.lastCode = code;
      this.lastMessage = message;
      return this;
    }

    FailedEvent failure(String code, String message, boolean retryable, int attempts) {
      return new FailedEvent(
          event.eventId(),
          event.eventType(),
          event.source(),
          code,
          String.valueOf(message),
          retryable,
          attempts);
    }
  }
}
