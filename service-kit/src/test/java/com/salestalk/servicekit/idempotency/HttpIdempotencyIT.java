package com.salestalk.servicekit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.TransactionFaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** HTTP idempotency records on a real DynamoDB table (the emulator). */
@AwsEmulatorTest
class HttpIdempotencyIT {

  private static final String TABLE = AwsResources.unique("it-idempotency");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final TransactionFaults FAULTS = new TransactionFaults(TABLE);
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void table(AwsEndpoint aws) {
    dynamoDb = FAULTS.client(aws);
    AwsResources.createIdempotencyTable(dynamoDb, TABLE);
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  private static HttpIdempotency at(Instant now) {
    return new HttpIdempotency(
        dynamoDb, TABLE, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static void commit(TransactWriteItem item) {
    commit(List.of(item));
  }

  private static void commit(List<TransactWriteItem> items) {
    dynamoDb.transactWriteItems(b -> b.transactItems(items));
  }

  /** Commits the items, which must be cancelled, and returns the cancellation. */
  private static TransactionCanceledException cancelled(List<TransactWriteItem> items) {
    try {
      commit(items);
    } catch (TransactionCanceledException e) {
      return e;
    }
    throw new AssertionError("the transaction was not cancelled");
  }

  /** A condition check on another item that fails (the item does not exist). */
  private static TransactWriteItem failingCheckElsewhere() {
    return TransactWriteItem.builder()
        .conditionCheck(
            c ->
                c.tableName(TABLE)
                    .key(Map.of("key", AttributeValue.fromS("other#" + UUID.randomUUID())))
                    .conditionExpression("attribute_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", "key")))
        .build();
  }

  private static IdempotencyKey newKey(HttpIdempotency idempotency) {
    return idempotency.key("svc", "admin", "k-" + UUID.randomUUID());
  }

  @Test
  void aNewKeyHasNoPriorResult() {
    HttpIdempotency idempotency = at(NOW);
    assertThat(idempotency.priorResult(newKey(idempotency), "h1")).isEmpty();
  }

  @Test
  void aClaimedKeyReturnsItsResultForTheSameBody() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    commit(idempotency.claim(key, "h1", "tenant-1"));

    assertThat(idempotency.priorResult(key, "h1")).contains("tenant-1");
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(TABLE).key(Map.of("key", AttributeValue.fromS(key.value()))))
            .item();
    assertThat(item.get("status").s()).isEqualTo("DONE");
    assertThat(item.get("expiresAtEpoch").n())
        .isEqualTo(Long.toString(NOW.getEpochSecond() + 24 * 3600));
  }

  @Test
  void aClaimedKeyWithAnotherBodyIsAProblem() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    commit(idempotency.claim(key, "h1", "tenant-1"));

    assertThatThrownBy(() -> idempotency.priorResult(key, "h2"))
        .isInstanceOf(ProblemException.class)
        .hasMessageStartingWith("422 https://salestalk.dev/problems/idempotency-key-reused:");
  }

  @Test
  void aSecondClaimOfALiveKeyCancelsItsTransaction() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    commit(idempotency.claim(key, "h1", "tenant-1"));

    assertThatThrownBy(() -> commit(idempotency.claim(key, "h1", "tenant-2")))
        .isInstanceOf(TransactionCanceledException.class);
    assertThat(idempotency.priorResult(key, "h1")).contains("tenant-1");
  }

  @Test
  void aClaimThatLostToACommittedRequestGetsThatRequestsResult() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    commit(idempotency.claim(key, "h1", "tenant-1"));
    List<TransactWriteItem> mine = List.of(idempotency.claim(key, "h1", "tenant-2"));

    assertThat(idempotency.resultOfConcurrentRequest(key, "h1", mine, cancelled(mine)))
        .contains("tenant-1");
    assertThatThrownBy(
            () -> idempotency.resultOfConcurrentRequest(key, "h2", mine, cancelled(mine)))
        .hasMessageStartingWith("422 https://salestalk.dev/problems/idempotency-key-reused:");
  }

  @Test
  void aClaimThatConflictedWithATransactionInFlightIsARequestInProgress() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    List<TransactWriteItem> mine = List.of(idempotency.claim(key, "h1", "tenant-2"));
    FAULTS.conflict();
    TransactionCanceledException conflict = cancelled(mine);

    assertThatThrownBy(() -> idempotency.resultOfConcurrentRequest(key, "h1", mine, conflict))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(409);
              assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            })
        .hasMessage(
            "409 https://salestalk.dev/problems/request-in-progress: Another request with this"
                + " Idempotency-Key is in progress; retry after 1 s to get its result");
    assertThat(idempotency.priorResult(key, "h1")).isEmpty();
  }

  @Test
  void aCancellationWithoutReasonsAnswersWithTheCommittedResult() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    commit(idempotency.claim(key, "h1", "tenant-1"));
    List<TransactWriteItem> mine = List.of(idempotency.claim(key, "h1", "tenant-2"));

    assertThat(idempotency.resultOfConcurrentRequest(key, "h1", mine, withoutReasons()))
        .contains("tenant-1");
  }

  @Test
  void aCancellationWithoutReasonsAndNothingCommittedIsARequestInProgress() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    List<TransactWriteItem> mine = List.of(idempotency.claim(key, "h1", "tenant-2"));

    assertThatThrownBy(
            () -> idempotency.resultOfConcurrentRequest(key, "h1", mine, withoutReasons()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409))
        .hasMessageStartingWith("409 https://salestalk.dev/problems/request-in-progress:");
  }

  /** A cancellation as the SDK reports it when the response carried no reasons. */
  private static TransactionCanceledException withoutReasons() {
    return TransactionCanceledException.builder().message("Transaction cancelled").build();
  }

  @Test
  void aTransactionCancelledForAnotherItemIsNotAboutTheKey() {
    HttpIdempotency idempotency = at(NOW);
    IdempotencyKey key = newKey(idempotency);
    List<TransactWriteItem> mine =
        List.of(failingCheckElsewhere(), idempotency.claim(key, "h1", "tenant-2"));

    assertThat(idempotency.resultOfConcurrentRequest(key, "h1", mine, cancelled(mine))).isEmpty();
  }

  @Test
  void anExpiredKeyIsAbsentAndCanBeClaimedAgain() {
    HttpIdempotency first = at(NOW);
    IdempotencyKey key = newKey(first);
    commit(first.claim(key, "h1", "tenant-1"));

    HttpIdempotency dayAfter = at(NOW.plus(Duration.ofHours(24)).plusSeconds(1));
    assertThat(dayAfter.priorResult(key, "h2")).isEmpty();
    commit(dayAfter.claim(key, "h2", "tenant-2"));
    assertThat(dayAfter.priorResult(key, "h2")).contains("tenant-2");
  }

  @Test
  void keysAreScopedByServiceAndPrincipal() {
    HttpIdempotency idempotency = at(NOW);
    assertThat(idempotency.key("tenant-onboard", "admin", "abc").value())
        .isEqualTo("http#tenant-onboard#admin#abc");
    assertThat(idempotency.key("chat-handler", "tenant-x", "abc").value())
        .isEqualTo("http#chat-handler#tenant-x#abc");
  }

  @Test
  void malformedKeysAreRefused() {
    HttpIdempotency idempotency = at(NOW);
    for (String bad : new String[] {"", "has space", "x".repeat(256), "ünicode", null}) {
      assertThatThrownBy(() -> idempotency.key("svc", "admin", bad))
          .as(String.valueOf(bad))
          .isInstanceOf(ProblemException.class)
          .hasMessage(
              "400 https://salestalk.dev/problems/invalid-parameter: Invalid Idempotency-Key:"
                  + " must be 1 to 255 printable ASCII characters without spaces");
    }
    assertThat(idempotency.key("svc", "admin", "x".repeat(255)).value()).endsWith("x".repeat(255));
  }

  @Test
  void hashIsSha256Hex() {
    assertThat(HttpIdempotency.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
