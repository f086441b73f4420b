package com.salestalk.tenantonboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.awsemulator.AwsEmulatorExtension;
import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.eventcontracts.validation.ValidationResult;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import com.salestalk.servicekit.testing.Http;
import com.salestalk.servicekit.testing.Http.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * tenant-onboard end to end: the real server on a random port, real SDK clients against the
 * emulator with infra/template.yaml deployed, the outbox relay publishing to the stack's bus, and a
 * tap queue that receives every event on it. Every bad-input test also proves that nothing was
 * stored and nothing published.
 */
@AwsEmulatorTest
@SpringBootTest(
    classes = TenantOnboardApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class TenantOnboardIT {

  static final String ADMIN_TOKEN = "it-admin-" + UUID.randomUUID();
  static final String TENANTS = "/api/v1/tenants";
  static final String JSON_TYPE = "application/json";
  static final String PROBLEM_TYPE = "application/problem+json";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Longer than several relay intervals (200 ms) and EventBridge→SQS deliveries. */
  static final Duration QUIET = Duration.ofMillis(1500);

  static TestStack stack;
  static DynamoDbClient dynamoDb;

  @DynamicPropertySource
  static void aws(DynamicPropertyRegistry registry) {
    AwsEndpoint aws = AwsEmulatorExtension.endpoint();
    stack = TestStack.deploy(aws);
    dynamoDb = aws.configure(DynamoDbClient.builder()).build();
    registry.add("spring.cloud.aws.endpoint", () -> aws.uri().toString());
    registry.add("spring.cloud.aws.region.static", aws::region);
    registry.add("spring.cloud.aws.credentials.access-key", aws::accessKeyId);
    registry.add("spring.cloud.aws.credentials.secret-key", aws::secretAccessKey);
    // what ./salestalk up passes: the stack outputs as salestalk.aws.* (kebab-case)
    registry.add("salestalk.aws.bus-name", () -> stack.output("BusName"));
    registry.add("salestalk.aws.tenants-table-name", () -> stack.output("TenantsTableName"));
    registry.add("salestalk.aws.outbox-table-name", () -> stack.output("OutboxTableName"));
    registry.add(
        "salestalk.aws.idempotency-table-name", () -> stack.output("IdempotencyTableName"));
    registry.add("salestalk.admin.token", () -> ADMIN_TOKEN);
    registry.add("salestalk.tenants.default-region", () -> "eu-central-1");
    registry.add("salestalk.outbox.relay.interval", () -> "200ms");
    registry.add("salestalk.metrics.cloudwatch.enabled", () -> "false");
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  @LocalServerPort int port;
  @Autowired TenantApiKeyLookup apiKeys;
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
    assertThat(json.get("title").asString()).isNotBlank();
    assertThat(json.get("detail").asString()).isNotBlank();
  }

  static void assertViolations(Reply reply, Map<String, String> fieldMessages) {
    assertProblem(reply, 422, "validation");
    Map<String, String> actual = new java.util.LinkedHashMap<>();
    reply
        .json()
        .get("errors")
        .forEach(e -> actual.put(e.get("field").asString(), e.get("message").asString()));
    assertThat(actual).containsExactlyEntriesOf(fieldMessages);
  }

  static long count(String table) {
    return dynamoDb.scan(b -> b.tableName(table).select(Select.COUNT)).count();
  }

  /** The EventBridge event (detail = envelope) of each message. */
  static List<JsonNode> events(List<Message> messages) {
    return messages.stream().map(m -> JSON.readTree(m.body())).toList();
  }

  /** Waits until the tap received exactly {@code expected} events for the tenant, and no others. */
  static List<JsonNode> awaitTapEvents(String tenantId, int expected) {
    List<JsonNode> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              received.addAll(events(stack.drain(stack.tapUrl())));
              assertThat(received).hasSizeGreaterThanOrEqualTo(expected);
            });
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(events(stack.drain(stack.tapUrl()))).isEmpty());
    assertThat(received)
        .extracting(e -> e.get("detail").get("tenantId").asString())
        .containsOnly(tenantId)
        .hasSize(expected);
    return received;
  }

  /** Runs a rejected request and proves nothing was stored and nothing published. */
  static Reply rejected(java.util.function.Supplier<Reply> request) {
    long tenantsBefore = count(stack.output("TenantsTableName"));
    long idempotencyBefore = count(stack.output("IdempotencyTableName"));
    Reply reply = request.get();
    assertThat(count(stack.output("TenantsTableName"))).isEqualTo(tenantsBefore);
    assertThat(count(stack.output("IdempotencyTableName"))).isEqualTo(idempotencyBefore);
    assertThat(count(stack.output("OutboxTableName"))).isZero();
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(events(stack.drain(stack.tapUrl()))).as("tap").isEmpty());
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

      // Other tests' tenants also reach these queues: keep what belongs to this tenant.
      Map<String, List<JsonNode>> byQueue = new java.util.TreeMap<>();
      Map<String, List<JsonNode>> others = new java.util.TreeMap<>();
      for (String consumer : List.of("analytics", "aggregation", "insights", "validation")) {
        byQueue.put(consumer, new ArrayList<>());
        others.put(consumer, new ArrayList<>());
      }
      Runnable collect =
          () -> {
            for (String consumer : byQueue.keySet()) {
              for (JsonNode event : events(stack.drain(stack.queueUrl(consumer)))) {
                boolean mine = tenantId.equals(event.get("detail").get("tenantId").asString());
                (mine ? byQueue : others).get(consumer).add(event);
              }
            }
          };
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                collect.run();
                assertThat(byQueue.get("analytics")).hasSize(1);
                assertThat(byQueue.get("aggregation")).hasSize(1);
              });
      await()
          .during(QUIET)
          .atMost(QUIET.plusSeconds(5))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                collect.run();
                assertThat(byQueue.get("analytics")).hasSize(1);
                assertThat(byQueue.get("aggregation")).hasSize(1);
              });
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
          .untilAsserted(() -> assertThat(count(stack.output("OutboxTableName"))).isZero());
    }

    @Test
    void storesOnlyTheHashOfTheApiKeyAndTheKeyAuthenticatesTheTenant() {
      Reply reply = create(body("Key Holder", "trial"));
      String tenantId = reply.json().get("tenantId").asString();
      String apiKey = reply.json().get("apiKey").asString();

      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(
                  b ->
                      b.tableName(stack.output("TenantsTableName"))
                          .key(Map.of("tenantId", AttributeValue.fromS(tenantId))))
              .item();
      assertThat(item.get("apiKeyHash").s()).isEqualTo(ApiKeys.hash(apiKey));
      assertThat(item.toString()).doesNotContain(apiKey);
      assertThat(apiKeys.tenantFor(ApiKeys.hash(apiKey))).contains(TenantId.of(tenantId));
      assertThat(apiKeys.tenantFor(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
      awaitTapEvents(tenantId, 1);
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
        assertThat(items.size()).isLessThanOrEqualTo(2);
        items.forEach(t -> assertThat(listed.add(t.get("tenantId").asString())).isTrue());
        items.forEach(t -> assertThat(t.has("apiKey")).isFalse());
        JsonNode next = page.json().get("nextPageToken");
        token = next == null || next.isNull() ? null : next.asString();
        pages++;
      } while (token != null && pages < 50);
      assertThat(token).isNull();
      assertThat(listed).containsAll(created);
      assertThat((long) listed.size()).isEqualTo(count(stack.output("TenantsTableName")));
      List<JsonNode> tapped = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                tapped.addAll(events(stack.drain(stack.tapUrl())));
                assertThat(tapped).hasSize(3);
              });
      assertThat(tapped)
          .extracting(e -> e.get("detail").get("tenantId").asString())
          .containsExactlyInAnyOrderElementsOf(created);
    }
  }

  @Nested
  class Idempotency {

    @Test
    void theSameKeyTwiceReturnsTheSameTenantAndPublishesOnce() {
      String key = "retry-" + UUID.randomUUID();
      Reply first = create(body("Once Only", "standard"), "Idempotency-Key", key);
      Reply second = create(body("Once Only", "standard"), "Idempotency-Key", key);

      assertThat(first.status()).isEqualTo(201);
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      String tenantId = first.json().get("tenantId").asString();
      assertThat(second.json().get("tenantId").asString()).isEqualTo(tenantId);
      assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(second.header("Location")).isEqualTo(TENANTS + "/" + tenantId);
      assertThat(second.json().has("apiKey")).isFalse();
      ObjectNode withoutKey = ((ObjectNode) first.json()).deepCopy();
      withoutKey.remove("apiKey");
      assertThat(second.json()).isEqualTo(withoutKey);
      awaitTapEvents(tenantId, 1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneTenant() throws Exception {
      String key = "race-" + UUID.randomUUID();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<Reply>> futures = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          futures.add(pool.submit(() -> create(body("Raced", "trial"), "Idempotency-Key", key)));
        }
        List<Reply> replies = new ArrayList<>();
        for (java.util.concurrent.Future<Reply> f : futures) {
          replies.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertThat(replies).extracting(Reply::status).containsOnly(200, 201);
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        Set<String> ids = new HashSet<>();
        replies.forEach(r -> ids.add(r.json().get("tenantId").asString()));
        assertThat(ids).hasSize(1);
        awaitTapEvents(ids.iterator().next(), 1);
      } finally {
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
  class BadInput {

    @Test
    void missingAdminTokenIsUnauthorized() {
      Reply reply =
          rejected(() -> http.send("POST", TENANTS, body("A", "trial"), "Content-Type", JSON_TYPE));
      assertProblem(reply, 401, "unauthorized");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"salestalk-admin\"");
    }

    @Test
    void wrongAdminTokenIsUnauthorized() {
      Reply reply =
          rejected(
              () ->
                  http.send(
                      "POST",
                      TENANTS,
                      body("A", "trial"),
                      "Content-Type",
                      JSON_TYPE,
                      "Authorization",
                      "Bearer " + ADMIN_TOKEN.substring(1)));
      assertProblem(reply, 401, "unauthorized");
      assertThat(reply.json().get("detail").asString()).isEqualTo("The admin token is not valid");
    }

    @Test
    void readsNeedTheAdminTokenToo() {
      Reply reply = rejected(() -> http.send("GET", TENANTS, null));
      assertProblem(reply, 401, "unauthorized");
    }

    @Test
    void malformedJsonIsBadRequest() {
      Reply reply = rejected(() -> create("{\"name\": \"A\", \"plan\": "));
      assertProblem(reply, 400, "malformed-json");
    }

    @Test
    void numberForNameIsRejectedNamingName() {
      Reply reply = rejected(() -> create("{\"name\": 42, \"plan\": \"trial\"}"));
      assertViolations(reply, Map.of("name", "must be a string"));
    }

    @Test
    void arrayForPlanIsRejectedNamingPlan() {
      Reply reply = rejected(() -> create("{\"name\": \"A\", \"plan\": [\"trial\"]}"));
      assertViolations(reply, Map.of("plan", "must be a string"));
    }

    @Test
    void unknownPlanIsRejectedNamingPlan() {
      Reply reply = rejected(() -> create(body("A", "platinum")));
      assertViolations(reply, Map.of("plan", "must be one of trial, standard, enterprise"));
    }

    @Test
    void emptyNameIsRejectedNamingName() {
      Reply reply = rejected(() -> create(body("", "trial")));
      assertViolations(reply, Map.of("name", "must not be blank"));
    }

    @Test
    void missingNameIsRejectedNamingName() {
      Reply reply = rejected(() -> create("{\"plan\": \"trial\"}"));
      assertViolations(reply, Map.of("name", "is required"));
    }

    @Test
    void fiveHundredCharacterNameIsRejectedNamingName() {
      Reply reply = rejected(() -> create(body("n".repeat(500), "trial")));
      assertViolations(reply, Map.of("name", "must be at most 200 characters, got 500"));
    }

    @Test
    void nameWithControlCharactersIsRejected() {
      Reply reply = rejected(() -> create(body("Evil\\u0007Corp", "trial")));
      assertViolations(reply, Map.of("name", "must not contain control characters"));
    }

    @Test
    void invalidCurrencyIsRejectedNamingCurrency() {
      Reply reply =
          rejected(() -> create("{\"name\":\"A\",\"plan\":\"trial\",\"currency\":\"ABC\"}"));
      assertViolations(reply, Map.of("currency", "must be an ISO 4217 currency code such as USD"));
    }

    @Test
    void invalidTimezoneIsRejectedNamingTimezone() {
      Reply reply =
          rejected(
              () -> create("{\"name\":\"A\",\"plan\":\"trial\",\"timezone\":\"Mars/Olympus\"}"));
      assertViolations(
          reply, Map.of("timezone", "must be an IANA time zone such as Europe/Berlin"));
    }

    @Test
    void everyInvalidFieldIsListed() {
      Reply reply =
          rejected(
              () ->
                  create(
                      "{\"name\":\" \",\"plan\":\"gold\",\"region\":\"moon-1\","
                          + "\"currency\":\"usd\",\"timezone\":\"+02:00\"}"));
      Map<String, String> expected = new java.util.LinkedHashMap<>();
      expected.put("name", "must not be blank");
      expected.put("plan", "must be one of trial, standard, enterprise");
      expected.put("region", "must be an AWS region name such as us-east-1");
      expected.put("currency", "must be an ISO 4217 currency code such as USD");
      expected.put("timezone", "must be an IANA time zone such as Europe/Berlin");
      assertViolations(reply, expected);
    }

    @Test
    void unknownFieldIsRejectedNamingIt() {
      Reply reply =
          rejected(() -> create("{\"name\":\"A\",\"plan\":\"trial\",\"tenantId\":\"tenant-x\"}"));
      assertViolations(
          reply,
          Map.of(
              "tenantId", "is not a known field; allowed: currency, name, plan, region, timezone"));
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
      Reply reply = rejected(() -> create(body("x".repeat(20_000), "trial")));
      assertProblem(reply, 413, "payload-too-large");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body exceeds the limit of 16384 bytes");
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
    }

    @Test
    void jsonNestedThousandsDeepIsBadRequest() {
      String deep = "[".repeat(5000) + "]".repeat(5000);
      Reply reply = rejected(() -> create("{\"name\":" + deep + ",\"plan\":\"trial\"}"));
      assertProblem(reply, 400, "json-limits");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The JSON body nests deeper than the limit of 32 levels");
    }

    @Test
    void unknownTenantIdIsNotFound() {
      Reply reply = rejected(() -> get(TENANTS + "/tenant-doesnotexist"));
      assertProblem(reply, 404, "not-found");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("No tenant with id tenant-doesnotexist");
    }

    @Test
    void malformedTenantIdIsNotFound() {
      Reply reply = rejected(() -> get(TENANTS + "/not-a-tenant"));
      assertProblem(reply, 404, "not-found");
    }

    @Test
    void unknownPathIsNotFound() {
      Reply reply = rejected(() -> get("/api/v1/tenantz"));
      assertProblem(reply, 404, "not-found");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("No endpoint GET /api/v1/tenantz");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
      Reply reply = rejected(() -> http.send("DELETE", TENANTS, null));
      assertProblem(reply, 405, "method-not-allowed");
      assertThat(reply.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
      Reply reply =
          rejected(
              () ->
                  http.send(
                      "POST",
                      TENANTS,
                      "name=A&plan=trial",
                      "Content-Type",
                      "application/x-www-form-urlencoded",
                      "Authorization",
                      "Bearer " + ADMIN_TOKEN));
      assertProblem(reply, 415, "unsupported-media-type");
    }

    @Test
    void pageSizeOutOfRangeIsInvalidParameter() {
      Reply reply = rejected(() -> get(TENANTS + "?size=0"));
      assertProblem(reply, 400, "invalid-parameter");
      assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void foreignPageTokenIsInvalidParameter() {
      Reply reply = rejected(() -> get(TENANTS + "?pageToken=%21%21"));
      assertProblem(reply, 400, "invalid-parameter");
      assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("pageToken");
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

    /**
     * The committed docs/openapi/tenant-onboard.json must be what the service serves. When it is
     * not, the test rewrites it and fails, so the build catches drift and the fix is a commit.
     */
    @Test
    void committedOpenApiDocumentIsCurrent() throws IOException {
      Reply reply = http.send("GET", "/v3/api-docs", null);
      assertThat(reply.status()).isEqualTo(200);
      ObjectNode served = (ObjectNode) reply.json();
      served.remove("servers");
      assertThat(served.get("paths").has(TENANTS)).isTrue();
      assertThat(served.get("paths").has(TENANTS + "/{tenantId}")).isTrue();

      Path file = Path.of("..", "docs", "openapi", "tenant-onboard.json");
      Optional<JsonNode> committed =
          Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
      if (committed.isEmpty() || !committed.get().equals(served)) {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
            StandardCharsets.UTF_8);
      }
      assertThat(committed)
          .as(
              "docs/openapi/tenant-onboard.json was missing or stale and has been regenerated;"
                  + " review and commit it")
          .contains(served);
    }
  }
}
