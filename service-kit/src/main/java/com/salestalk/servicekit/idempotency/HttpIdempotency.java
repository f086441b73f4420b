package com.salestalk.servicekit.idempotency;

import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code Idempotency-Key} support on the {@code {env}-idempotency} table. A create endpoint asks
 * {@link #priorResult} first (a retry gets the id it created before; the same key with another body
 * is a 422), and otherwise adds {@link #claim} to the same DynamoDB transaction that creates the
 * resource, so the key is recorded if and only if the resource (and its outbox entry) is. If that
 * transaction is cancelled, {@link #resultOfConcurrentRequest} tells whether a concurrent request
 * with the same key was the cause: its result when it committed first, a 409 {@link
 * ProblemTypes#REQUEST_IN_PROGRESS} while it is still in flight.
 *
 * <p>Records expire after {@link IdempotencyProperties#retention()}; an expired record is treated
 * as absent (DynamoDB TTL deletes lazily, and not at all on the emulator).
 */
public final class HttpIdempotency {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  /** Longest key accepted. */
  public static final int MAX_KEY_LENGTH = 255;

  /** Seconds a client waits before retrying a request whose key is in progress. */
  public static final int RETRY_AFTER_SECONDS = 1;

  private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String TRANSACTION_CONFLICT = "TransactionConflict";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration retention;
  private final Clock clock;

  /**
   * @param dynamoDb the client
   * @param table the idempotency table
   * @param retention how long a key is remembered
   * @param clock gives "now" for expiry
   */
  public HttpIdempotency(DynamoDbClient dynamoDb, String table, Duration retention, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * The table key for a header value.
   *
   * @param service the service name, e.g. {@code tenant-onboard}
   * @param principal {@code admin} or the tenant id
   * @param headerValue the {@code Idempotency-Key} header as received
   * @throws ProblemException 400 naming the header when the key is empty, longer than {@value
   *     #MAX_KEY_LENGTH} characters or not printable ASCII without spaces
   */
  public IdempotencyKey key(String service, String principal, String headerValue) {
    if (headerValue == null || !KEY_FORM.matcher(headerValue).matches()) {
      throw ProblemException.invalidParameter(
          HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
    }
    return new IdempotencyKey("http#" + service + "#" + principal + "#" + headerValue);
  }

  /**
   * What an earlier request with this key produced.
   *
   * @param key the key
   * @param requestHash {@link #hash(String)} of this request's canonical body
   * @return the earlier result's id, or empty when the key is new (or expired)
   * @throws ProblemException 422 {@link ProblemTypes#IDEMPOTENCY_KEY_REUSED} when the key was used
   *     with a different body
   */
  public Optional<String> priorResult(IdempotencyKey key, String requestHash) {
    GetItemResponse response =
        dynamoDb.getItem(
            g ->
                g.tableName(table)
                    .key(Map.of("key", AttributeValue.fromS(key.value())))
                    .consistentRead(true));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    AttributeValue expires = item.get("expiresAtEpoch");
    if (expires != null
        && expires.n() != null
        && Long.parseLong(expires.n()) < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    AttributeValue storedHash = item.get("requestHash");
    if (storedHash == null || !requestHash.equals(storedHash.s())) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          ProblemTypes.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used with a different request body; use a new key"
              + " for a new request");
    }
    AttributeValue ref = item.get("resultRef");
    if (ref == null || ref.s() == null) {
      throw new IllegalStateException("idempotency record " + key.value() + " has no resultRef");
    }
    return Optional.of(ref.s());
  }

  /**
   * The write that records the key, for the transaction that creates the result. It fails the
   * transaction when a live record for the key exists.
   *
   * @param key the key
   * @param requestHash hash of the request's canonical body
   * @param resultRef the id of what the request creates
   */
  public TransactWriteItem claim(IdempotencyKey key, String requestHash, String resultRef) {
    long now = clock.instant().getEpochSecond();
    Map<String, AttributeValue> item =
        Map.of(
            "key", AttributeValue.fromS(key.value()),
            "status", AttributeValue.fromS("DONE"),
            "requestHash", AttributeValue.fromS(requestHash),
            "resultRef", AttributeValue.fromS(resultRef),
            "createdAt", AttributeValue.fromN(Long.toString(clock.millis())),
            "expiresAtEpoch", AttributeValue.fromN(Long.toString(now + retention.toSeconds())));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#k) OR expiresAtEpoch < :now")
                .expressionAttributeNames(Map.of("#k", "key"))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now))))
                .build())
        .build();
  }

  /**
   * Why a transaction that carried {@link #claim} was cancelled, as far as the key is concerned.
   * DynamoDB cancels it at the claim either with {@code ConditionalCheckFailed} (a concurrent
   * request with the key committed first) or with {@code TransactionConflict} (that request's
   * transaction was still in flight on the record). The first request's result is returned when it
   * can be read; otherwise that request has not committed yet, or its transaction failed, and the
   * caller should retry shortly.
   *
   * @param key the key that was claimed
   * @param requestHash hash of this request's canonical body
   * @param sent the transaction's items, in the order sent (they include the claim)
   * @param cancelled what DynamoDB answered
   * @return the concurrent request's result; empty when the transaction was cancelled for another
   *     reason (the claim itself was fine). When DynamoDB reports no reason for the claim, it is
   *     treated as a lost race: the committed result, or the 409 below
   * @throws ProblemException 409 {@link ProblemTypes#REQUEST_IN_PROGRESS} with {@code Retry-After:
   *     1} when the concurrent request's result cannot be read yet; 422 as {@link #priorResult}
   *     when it had another body
   */
  public Optional<String> resultOfConcurrentRequest(
      IdempotencyKey key,
      String requestHash,
      List<TransactWriteItem> sent,
      TransactionCanceledException cancelled) {
    int claim = indexOfClaim(key, sent);
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    String code = claim >= 0 && claim < reasons.size() ? reasons.get(claim).code() : null;
    // No reason reported for the claim: it may have lost to the other request, so that one's
    // committed record answers, or, while there is none yet, a retry will.
    if (code != null && !CONDITION_FAILED.equals(code) && !TRANSACTION_CONFLICT.equals(code)) {
      return Optional.empty();
    }
    Optional<String> prior = priorResult(key, requestHash);
    if (prior.isPresent()) {
      return prior;
    }
    ProblemException inProgress =
        new ProblemException(
            HttpStatus.CONFLICT,
            ProblemTypes.REQUEST_IN_PROGRESS,
            "Another request with this Idempotency-Key is in progress; retry after "
                + RETRY_AFTER_SECONDS
                + " s to get its result");
    inProgress.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    throw inProgress;
  }

  private int indexOfClaim(IdempotencyKey key, List<TransactWriteItem> sent) {
    for (int i = 0; i < sent.size(); i++) {
      Put put = sent.get(i).put();
      if (put != null
          && table.equals(put.tableName())
          && AttributeValue.fromS(key.value()).equals(put.item().get("key"))) {
        return i;
      }
    }
    throw new IllegalArgumentException("the transaction did not claim " + key.value());
  }

  /** SHA-256 (hex) of a request's canonical form. */
  public static String hash(String canonicalRequest) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
