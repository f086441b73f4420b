package com.salestalk.servicekit.idempotency;

import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code Idempotency-Key} support on the {@code {env}-idempotency} table. A create endpoint asks
 * {@link #priorResult} first (a retry gets the id it created before; the same key with another body
 * is a 422), and otherwise adds {@link #claim} to the same DynamoDB transaction that creates the
 * resource, so the key is recorded if and only if the resource (and its outbox entry) is. If that
 * transaction is cancelled because a concurrent request claimed the key first, asking {@link
 * #priorResult} again gives the winner's result.
 *
 * <p>Records expire after {@link IdempotencyProperties#retention()}; an expired record is treated
 * as absent (DynamoDB TTL deletes lazily, and not at all on the emulator).
 */
public final class HttpIdempotency {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  /** Longest key accepted. */
  public static final int MAX_KEY_LENGTH = 255;

  private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

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
