package com.salestalk.tenantonboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.ValidationResult;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.Http.Reply;
import com.salestalk.testsupport.OpenApiDocuments;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.TestStack;
import com.salestalk.testsupport.TransactionFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * tenant-onboard's flows end to end: the real server on a random port against the emulator with
 * infra/template.yaml deployed, the outbox relay publishing to the stack's bus, and the stack's tap
 * receiving every event on it. Request validation and error bodies are {@code
 * TenantControllerTest}'s; the rejections here prove that nothing was stored and nothing published.
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.admin.token=" + TenantOnboardIT.ADMIN_TOKEN,
      "salestalk.tenants.default-region=eu-central-1",
      "salestalk.outbox.relay.interval=200ms",
      "salestalk.metrics.cloudwatch.enabled=false"
    })
@Import(Races.class)
class TenantOnboardIT {

  static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";
  static final String TENANTS = "/api/v1/tenants";
  static final String JSON_TYPE = "application/json";
  static final String PROBLEM_TYPE = "application/problem+json";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Longer than several relay intervals (200 ms) and EventBridge→SQS deliveries. */
  static final Duration QUIET = Duration.ofMillis(1500);

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired TenantApiKeyLookup apiKeys;
  @Autowired TransactionFaults idempotencyRaces;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  // ---------------------------------------------------------------- helpers

  Reply create(String body, String... extraHeaders) {
    List<String> headers =
        new ArrayList<>(
            List.of("Content-Type", JSON_TYPE, "Authorization", "Bearer " + ADMIN_TOKEN));
    headers.addAll(List.of(extraHeaders));
    return http.send("POST", TENANTS, body, headers.toArray(String[]::new));
  }

  Reply get(String path) {
    return http.send("GET", path, null, "Authorization", "Bearer " + ADMIN_TOKEN);
  }

  static String body(String name, String plan) {
    return "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}";
  }

  static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo(PROBLEM_TYPE);
    JsonNode json = reply.json();
    assertThat(json.get("type").asString()).isEqualTo("https://salestalk.dev/problems/" + type);
    assertThat(json.get("status").asInt()).isEqualTo(status);
  }

  long count(String tableOutput) {
    return dynamoDb.scan(b -> b.tableName(stack.output(tableOutput)).select(Select.COUNT)).count();
  }

  /** Tenant items only: the tenants table also holds their API-key items. */
  long countTenants() {
    return dynamoDb
        .scan(
            b ->
                b.tableName(stack.output("TenantsTableName"))
                    .filterExpression("attribute_not_exists(keyId)")
                    .select(Select.COUNT))
        .count();
  }

  /** The EventBridge event (detail = envelope) of each message. */
  static List<JsonNode> events(List<Message> messages) {
    return messages.stream().map(m -> JSON.readTree(m.body())).toList();
  }

  /** Waits until the tap received exactly {@code expected} events, all of the tenant. */
  List<JsonNode> awaitTapEvents(String tenantId, int expected) {
    List<JsonNode> received = stack.tap().receiveExactly(expected);
    assertThat(received)
        .extracting(e -> e.get("detail").get("tenantId").asString())
        .containsOnly(tenantId);
    return received;
  }

  /** Runs a rejected request and proves nothing was stored and nothing published. */
  Reply rejected(Supplier<Reply> request) {
    long tenantsBefore = count("TenantsTableName");
    long idempotencyBefore = count("IdempotencyTableName");
    Reply reply = request.get();
    assertThat(count("TenantsTableName")).isEqualTo(tenantsBefore);
    assertThat(count("IdempotencyTableName")).isEqualTo(idempotencyBefore);
    assertThat(count("OutboxTableName")).isZero();
    stack.tap().assertNothingPublished();
    return reply;
  }

  // ---------------------------------------------------------------- the flow

  @Nested
  class Provisioning {

    @Test
    void provisionsATenantAndItsEventReachesExactlyTheRoutedQueues() {
      String correlation = UUID.randomUUID().toString();
      Reply reply =
          create(
              "{\"name\":\"  Acme Corp  \",\"plan\":\"enterprise\",\"region\":\"eu-west-1\","
                  + "\"currency\":\"EUR\",\"timezone\":\"Europe/Berlin\"}",
              "X-Correlation-Id",
              correlation);

      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      JsonNode created = reply.json();
      String tenantId = created.get("tenantId").asString();
      String apiKey = created.get("apiKey").asString();
      assertThat(TenantId.of(tenantId).value()).matches("tenant-[a-z0-9]{20}");
      assertThat(ApiKeys.wellFormed(apiKey)).isTrue();
      assertThat(reply.header("Location")).isEqualTo(TENANTS + "/" + tenantId);
      assertThat(reply.header("X-Correlation-Id")).isEqualTo(correlation);
      assertThat(created.get("name").asString()).isEqualTo("Acme Corp");
      assertThat(created.get("plan").asString()).isEqualTo("enterprise");
      assertThat(created.get("region").asString()).isEqualTo("eu-west-1");
      assertThat(created.get("currency").asString()).isEqualTo("EUR");
      assertThat(created.get("timezone").asString()).isEqualTo("Europe/Berlin");

      // Other tests' tenants also reach these queues: awaitRouted keeps them apart.
      TestStack.RoutedEvents routed =
          stack.awaitRouted(tenantId, Map.of("analytics", 1, "aggregation", 1), QUIET);
      Map<String, List<JsonNode>> byQueue = routed.ofTenant();
      Map<String, List<JsonNode>> others = routed.ofOthers();
      // tenant.provisioned.v1 is not routed to insights or validation: nothing at all arrives there
      assertThat(byQueue.get("insights")).isEmpty();
      assertThat(byQueue.get("validation")).isEmpty();
      assertThat(others.get("insights")).isEmpty();
      assertThat(others.get("validation")).isEmpty();

      for (String consumer : List.of("analytics", "aggregation")) {
        JsonNode event = byQueue.get(consumer).get(0);
        assertThat(event.get("detail-type").asString()).isEqualTo("tenant.provisioned.v1");
        assertThat(event.get("source").asString()).isEqualTo("salestalk.tenant-onboard");
        JsonNode envelope = event.get("detail");
        ValidationResult valid =
            EventValidator.strict().validate(JSON.writeValueAsString(envelope));
        assertThat(valid.violations()).as(consumer).isEmpty();
        assertThat(envelope.get("tenantId").asString()).isEqualTo(tenantId);
        assertThat(envelope.get("eventType").asString()).isEqualTo("tenant.provisioned.v1");
        assertThat(envelope.get("source").asString()).isEqualTo("tenant-onboard");
        assertThat(envelope.get("metadata").get("correlationId").asString()).isEqualTo(correlation);
        JsonNode data = envelope.get("data");
        assertThat(data.get("name").asString()).isEqualTo("Acme Corp");
        assertThat(data.get("plan").asString()).isEqualTo("enterprise");
        assertThat(data.get("region").asString()).isEqualTo("eu-west-1");
        assertThat(data.get("currency").asString()).isEqualTo("EUR");
        assertThat(data.get("timezone").asString()).isEqualTo("Europe/Berlin");
      }
      assertThat(byQueue.get("analytics").get(0).get("detail").get("eventId"))
          .isEqualTo(byQueue.get("aggregation").get(0).get("detail").get("eventId"));
      List<JsonNode> tapped = awaitTapEvents(tenantId, 1);
      assertThat(tapped.get(0).get("detail").get("eventId"))
          .isEqualTo(byQueue.get("analytics").get(0).get("detail").get("eventId"));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(count("OutboxTableName")).isZero());
    }

    @Test
    void storesOnlyTheHashOfTheApiKeyAndTheKeyAuthenticatesTheTenant() {
      Reply reply = create(body("Key Holder", "trial"));
      String tenantId = reply.json().get("tenantId").asString();
      String apiKey = reply.json().get("apiKey").asString();
      String keyId = reply.json().get("apiKeyId").asString();

      assertThat(keyId).matches("key-[a-z0-9]{20}");
      Map<String, AttributeValue> tenant = item(tenantId);
      Map<String, AttributeValue> key = item(tenantId + "#" + keyId);
      assertThat(tenant.get("status").s()).isEqualTo("ACTIVE");
      assertThat(tenant.get("apiKeyIds").ss()).containsExactly(keyId);
      assertThat(tenant).doesNotContainKey("apiKeyHash");
      assertThat(key.get("apiKeyHash").s()).isEqualTo(ApiKeys.hash(apiKey));
      assertThat(key.get("createdAt").s()).isEqualTo(reply.json().get("createdAt").asString());
      assertThat(key).doesNotContainKeys("expiresAt", "revokedAt");
      assertThat(tenant + " " + key).doesNotContain(apiKey);
      assertThat(apiKeys.tenantFor(ApiKeys.hash(apiKey))).contains(TenantId.of(tenantId));
      assertThat(apiKeys.tenantFor(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
      awaitTapEvents(tenantId, 1);
    }

    Map<String, AttributeValue> item(String id) {
      return dynamoDb
          .getItem(
              b ->
                  b.tableName(stack.output("TenantsTableName"))
                      .key(Map.of("tenantId", AttributeValue.fromS(id))))
          .item();
    }

    @Test
    void getReturnsTheTenantWithoutItsKey() {
      Reply created = create(body("Readable", "standard"));
      String tenantId = created.json().get("tenantId").asString();

      Reply reply = get(TENANTS + "/" + tenantId);

      assertThat(reply.status()).isEqualTo(200);
      JsonNode json = reply.json();
      assertThat(json.get("tenantId").asString()).isEqualTo(tenantId);
      assertThat(json.get("name").asString()).isEqualTo("Readable");
      assertThat(json.get("plan").asString()).isEqualTo("standard");
      assertThat(json.get("createdAt").asString())
          .isEqualTo(created.json().get("createdAt").asString());
      assertThat(json.get("status").asString()).isEqualTo("active");
      assertThat(json.has("apiKey")).isFalse();
      assertThat(json.has("apiKeyHash")).isFalse();
      awaitTapEvents(tenantId, 1);
    }

    @Test
    void appliesTheConfiguredDefaultsToOmittedFields() {
      Reply reply = create(body("Defaults", "trial"));
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.json().get("region").asString()).isEqualTo("eu-central-1");
      assertThat(reply.json().get("currency").asString()).isEqualTo("USD");
      assertThat(reply.json().get("timezone").asString()).isEqualTo("UTC");
      List<JsonNode> events = awaitTapEvents(reply.json().get("tenantId").asString(), 1);
      assertThat(events.get(0).get("detail").get("data").get("region").asString())
          .isEqualTo("eu-central-1");
    }

    @Test
    void listPagesThroughEveryTenant() {
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        created.add(create(body("Listed " + i, "trial")).json().get("tenantId").asString());
      }
      Set<String> listed = new HashSet<>();
      String token = null;
      int pages = 0;
      do {
        Reply page = get(TENANTS + "?size=2" + (token == null ? "" : "&pageToken=" + token));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        items.forEach(t -> assertThat(listed.add(t.get("tenantId").asString())).isTrue());
        items.forEach(t -> assertThat(t.has("apiKey")).isFalse());
        JsonNode next = page.json().get("nextPageToken");
        token = next == null || next.isNull() ? null : next.asString();
        // the key items in the table never make a page short: only the last one may be
        if (token != null) {
          assertThat(items.size()).isEqualTo(2);
        } else {
          assertThat(items.size()).isLessThanOrEqualTo(2);
        }
        pages++;
      } while (token != null && pages < 50);
      assertThat(token).isNull();
      assertThat(listed).containsAll(created);
      assertThat((long) listed.size()).isEqualTo(countTenants());
      assertThat(stack.tap().receiveExactly(3))
          .extracting(e -> e.get("detail").get("tenantId").asString())
          .containsExactlyInAnyOrderElementsOf(created);
    }
  }

  @Nested
  class Idempotency {

    @Test
    void theSameKeyTwiceReturnsTheSameTenantAndHowToGetAKeyAndPublishesOnce() {
      String key = "retry-" + UUID.randomUUID();
      Reply first = create(body("Once Only", "standard"), "Idempotency-Key", key);
      Reply second = create(body("Once Only", "standard"), "Idempotency-Key", key);

      assertThat(first.status()).isEqualTo(201);
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      String tenantId = first.json().get("tenantId").asString();
      assertThat(second.json().get("tenantId").asString()).isEqualTo(tenantId);
      assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(second.header("Location")).isEqualTo(TENANTS + "/" + tenantId);
      ObjectNode replayed = ((ObjectNode) first.json()).deepCopy();
      replayed.remove(List.of("apiKey", "apiKeyId"));
      String keys = TENANTS + "/" + tenantId + "/api-keys";
      replayed.put(
          "apiKeyRecovery",
          "The API key was shown only in the response that created this tenant. If that"
              + " response was lost, issue a new key with POST "
              + keys
              + ", then revoke the lost one with DELETE "
              + keys
              + "/{keyId} (GET "
              + keys
              + " lists the key ids).");
      assertThat(second.json()).isEqualTo(replayed);
      awaitTapEvents(tenantId, 1);
    }

    /**
     * On AWS, a transaction that meets another one in flight on the same idempotency record is
     * cancelled with TransactionConflict, and the other's result cannot be read yet. The emulator
     * runs one request at a time, so the race is recreated: the first request's transaction is held
     * before it is sent, the second one's is cancelled as DynamoDB cancels it.
     */
    @Test
    void aRequestWhoseKeyIsStillInProgressIsAskedToRetryAndThenGetsTheFirstOnesTenant()
        throws Exception {
      String key = "in-flight-" + UUID.randomUUID();
      String body = body("In Flight", "trial");
      idempotencyRaces.hold().conflict();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Reply> first = pool.submit(() -> create(body, "Idempotency-Key", key));
        idempotencyRaces.awaitHeld();

        Reply second = create(body, "Idempotency-Key", key);

        assertProblem(second, 409, "request-in-progress");
        assertThat(second.header("Retry-After")).isEqualTo("1");
        assertThat(second.json().get("detail").asString())
            .isEqualTo(
                "Another request with this Idempotency-Key is in progress; retry after 1 s to get"
                    + " its result");
        idempotencyRaces.release();
        Reply winner = first.get(30, TimeUnit.SECONDS);
        assertThat(winner.status()).as(winner.body()).isEqualTo(201);
        String tenantId = winner.json().get("tenantId").asString();

        Reply retry = create(body, "Idempotency-Key", key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("tenantId").asString()).isEqualTo(tenantId);
        awaitTapEvents(tenantId, 1);
      } finally {
        idempotencyRaces.release();
        pool.shutdownNow();
      }
    }

    /**
     * The other half of the race: the second request's transaction reaches DynamoDB while the first
     * one's is still on its way and commits; the first one's claim then fails its condition
     * (ConditionalCheckFailed), and that request answers with the committed tenant instead of a
     * second one.
     */
    @Test
    void aRequestThatLostToOneCommittedMeanwhileAnswersWithItsTenant() throws Exception {
      String key = "committed-first-" + UUID.randomUUID();
      String body = body("Committed First", "trial");
      long tenantItemsBefore = count("TenantsTableName");
      idempotencyRaces.hold();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Reply> first = pool.submit(() -> create(body, "Idempotency-Key", key));
        idempotencyRaces.awaitHeld();

        Reply second = create(body, "Idempotency-Key", key);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String tenantId = second.json().get("tenantId").asString();
        idempotencyRaces.release();
        Reply loser = first.get(30, TimeUnit.SECONDS);

        assertThat(loser.status()).as(loser.body()).isEqualTo(200);
        assertThat(loser.json().get("tenantId").asString()).isEqualTo(tenantId);
        assertThat(loser.json().has("apiKey")).isFalse();
        assertThat(count("TenantsTableName"))
            .as("one tenant item and its key item")
            .isEqualTo(tenantItemsBefore + 2);
        awaitTapEvents(tenantId, 1);
      } finally {
        idempotencyRaces.release();
        pool.shutdownNow();
      }
    }

    @Test
    void theSameKeyWithADifferentBodyIsRejected() {
      String key = "reuse-" + UUID.randomUUID();
      Reply first = create(body("First Body", "trial"), "Idempotency-Key", key);
      String tenantId = first.json().get("tenantId").asString();
      awaitTapEvents(tenantId, 1);

      Reply second = rejected(() -> create(body("Second Body", "trial"), "Idempotency-Key", key));

      assertProblem(second, 422, "idempotency-key-reused");
      assertThat(second.json().get("detail").asString())
          .isEqualTo(
              "This Idempotency-Key was already used with a different request body; use a new"
                  + " key for a new request");
    }

    @Test
    void aMalformedKeyIsRejected() {
      Reply reply =
          rejected(() -> create(body("Bad Key", "trial"), "Idempotency-Key", "x".repeat(256)));
      assertProblem(reply, 400, "invalid-parameter");
      assertThat(reply.json().get("errors").get(0).get("field").asString())
          .isEqualTo("Idempotency-Key");
    }
  }

  @Nested
  class Rejections {

    @Test
    void anInvalidRequestStoresAndPublishesNothing() {
      Reply reply =
          rejected(
              () ->
                  create(
                      "{\"name\":\" \",\"plan\":\"gold\",\"region\":\"moon-1\","
                          + "\"currency\":\"usd\",\"timezone\":\"+02:00\"}"));
      assertProblem(reply, 422, "validation");
      assertThat(reply.json().get("errors").size()).isEqualTo(5);
    }

    @Test
    void aRequestWithoutTheAdminTokenStoresAndPublishesNothing() {
      Reply reply =
          rejected(() -> http.send("POST", TENANTS, body("A", "trial"), "Content-Type", JSON_TYPE));
      assertProblem(reply, 401, "unauthorized");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
      Reply reply =
          rejected(
              () ->
                  http.sendChunked(
                      "POST",
                      TENANTS,
                      body("x".repeat(40_000), "trial"),
                      "Content-Type",
                      JSON_TYPE,
                      "Authorization",
                      "Bearer " + ADMIN_TOKEN));
      assertProblem(reply, 413, "payload-too-large");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body exceeds the limit of 16384 bytes");
    }

    @Test
    void unknownTenantIdIsNotFound() {
      Reply reply = rejected(() -> get(TENANTS + "/tenant-doesnotexist"));
      assertProblem(reply, 404, "not-found");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("No tenant with id tenant-doesnotexist");
    }
  }

  @Nested
  class Operations {

    @Test
    void healthIsUpWithoutCredentials() {
      Reply reply = http.send("GET", "/actuator/health", null);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void committedOpenApiDocumentIsCurrent() {
      assertThat(
              OpenApiDocuments.assertCommittedIsCurrent(http, "tenant-onboard")
                  .get("paths")
                  .has(TENANTS))
          .isTrue();
    }
  }
}
