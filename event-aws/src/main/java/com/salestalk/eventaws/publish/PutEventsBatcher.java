package com.salestalk.eventaws.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sends PutEvents entries within EventBridge's limits: packs them in order into requests of at most
 * 10 entries and 256 KB (sizes as EventBridge computes them), refuses an entry over 256 KB without
 * sending it, and resends only the entries that failed with a retryable code ({@code
 * ThrottlingException}, {@code InternalFailure}; for a whole failed call: throttling, 5xx and I/O
 * errors) with exponential backoff and full jitter, up to {@link Limits#retry()}'s attempts.
 *
 * <p>This is the only retry layer of a PutEvents call: the SDK's own retries are switched off for
 * these requests (a request-level plugin), so a retry policy of one attempt sends each entry once.
 */
final class PutEventsBatcher {

  /** Entry error codes worth resending. */
  static final Set<String> RETRYABLE_ENTRY_CODES = Set.of("ThrottlingException", "InternalFailure");

  /** Error code reported for an entry larger than 256 KB; EventBridge would refuse it. */
  static final String ENTRY_TOO_LARGE = "EntryTooLarge";

  /** Error code reported when the sending thread was interrupted while backing off. */
  static final String INTERRUPTED = "Interrupted";

  /** Error code reported for an entry not sent because {@link Limits#deadline()} passed. */
  static final String OUT_OF_TIME = "OutOfTime";

  /** Switches off the SDK's retries for one request: the batcher, or its caller, retries. */
  private static final SdkPlugin NO_SDK_RETRIES =
      config -> config.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));

  private static final Logger LOG = LoggerFactory.getLogger(PutEventsBatcher.class);

  private final EventBridgeClient client;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  PutEventsBatcher(EventBridgeClient client, Sleeper sleeper, DoubleSupplier random) {
    this.client = client;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * How one {@link #send} may retry and how long it may take.
   *
   * @param retry attempts per entry and the backoff between them
   * @param callTimeout the longest one PutEvents call may take (SDK {@code apiCallTimeout}), or
   *     null for the client's setting
   * @param deadline when the whole send must be over (system clock), or null for no limit: no call
   *     is started, and none runs, past it; entries not sent by then fail as {@value #OUT_OF_TIME}
   */
  record Limits(RetryPolicy retry, Duration callTimeout, Instant deadline) {

    /** Retries as {@code retry} says, without time limits beyond the client's. */
    static Limits retrying(RetryPolicy retry) {
      return new Limits(retry, null, null);
    }

    /** One attempt per entry, each call within {@code callTimeout}, all before {@code deadline}. */
    static Limits once(Duration callTimeout, Instant deadline) {
      return new Limits(new RetryPolicy(1, Duration.ZERO, Duration.ZERO), callTimeout, deadline);
    }

    /**
     * The timeout of a call started now: the call timeout, cut to what is left until the deadline
     * (zero or less when nothing is left); null when there is no limit.
     */
    Duration timeoutNow() {
      if (deadline == null) {
        return callTimeout;
      }
      Duration left = Duration.between(Instant.now(), deadline);
      return callTimeout == null || left.compareTo(callTimeout) < 0 ? left : callTimeout;
    }
  }

  /** An event and the PutEvents entry it is sent as. */
  record Entry(PreparedEvent event, PutEventsRequestEntry request) {}

  /** An event EventBridge accepted, with the size of its entry in bytes. */
  record Accepted(PreparedEvent event, int size) {}

  /**
   * What became of the entries of one {@link #send} call.
   *
   * @param accepted the entries EventBridge accepted, in the order it accepted them
   * @param failed the others, with their last error
   */
  record Outcome(List<Accepted> accepted, List<FailedEvent> failed) {}

  /** Sends {@code entries}, resending retryable failures, and reports what became of each. */
  Outcome send(List<Entry> entries, Limits limits) {
    RetryPolicy retry = limits.retry();
    List<Accepted> accepted = new ArrayList<>(entries.size());
    List<FailedEvent> failed = new ArrayList<>();
    List<Pending> pending = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      Pending p = new Pending(entry);
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
      List<Pending> resend = new ArrayList<>();
      for (List<Pending> batch : batches(pending)) {
        Duration timeout = limits.timeoutNow();
        if (timeout != null && timeout.toMillis() < 1) {
          for (Pending p : batch) {
            failed.add(p.failure(OUT_OF_TIME, "not sent: the time to publish ran out", true, 0));
          }
          continue;
        }
        sendBatch(batch, timeout, accepted, resend, failed, attempt);
      }
      if (resend.isEmpty()) {
        break;
      }
      if (attempt >= retry.maxAttempts()) {
        for (Pending p : resend) {
          failed.add(p.failure(p.lastCode, p.lastMessage, true, attempt));
        }
        break;
      }
      try {
        sleeper.sleep(retry.backoff(attempt, random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (Pending p : resend) {
          failed.add(p.failure(INTERRUPTED, "interrupted while backing off", true, attempt));
        }
        break;
      }
      pending = resend;
    }
    return new Outcome(accepted, failed);
  }

  private void sendBatch(
      List<Pending> batch,
      Duration timeout,
      List<Accepted> accepted,
      List<Pending> resend,
      List<FailedEvent> failed,
      int attempt) {
    List<PutEventsRequestEntry> requests = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      requests.add(p.entry.request());
    }
    AwsRequestOverrideConfiguration.Builder override =
        AwsRequestOverrideConfiguration.builder().addPlugin(NO_SDK_RETRIES);
    if (timeout != null) {
      override.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout);
    }
    PutEventsResponse response;
    try {
      response =
          client.putEvents(
              PutEventsRequest.builder()
                  .entries(requests)
                  .overrideConfiguration(override.build())
                  .build());
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
          resend.add(p.lastError(code, message));
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
        resend.add(p.lastError("InternalFailure", "no result entry returned for this entry"));
      } else if (result.errorCode() == null || result.errorCode().isEmpty()) {
        accepted.add(new Accepted(p.entry.event(), p.size));
      } else if (RETRYABLE_ENTRY_CODES.contains(result.errorCode())) {
        resend.add(p.lastError(result.errorCode(), result.errorMessage()));
      } else {
        failed.add(p.failure(result.errorCode(), result.errorMessage(), false, attempt));
      }
    }
  }

  /** Splits in order into requests of at most 10 entries and 256 KB. */
  private static List<List<Pending>> batches(List<Pending> pending) {
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

  /** Whether a failed PutEvents call is worth resending: throttling, 5xx, or an I/O problem. */
  private static boolean retryableCall(SdkException e) {
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
  private static final class Pending {
    final Entry entry;
    final int size;
    String lastCode;
    String lastMessage;

    Pending(Entry entry) {
      this.entry = entry;
      this.size = EntrySize.of(entry.request());
    }

    Pending lastError(String code, String message) {
      this.lastCode = code;
      this.lastMessage = message;
      return this;
    }

    FailedEvent failure(String code, String message, boolean retryable, int attempts) {
      PreparedEvent event = entry.event();
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
