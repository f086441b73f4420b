package com.salestalk.tenantonboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.Http.Reply;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.TestStack;
import com.salestalk.testsupport.TransactionFaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle of tenant API keys end to end, against the emulator: keys issued, listed, expired
 * after the grace period, revoked, and refused while their tenant is suspended, as a tenant-facing
 * service sees them (the {@code /test/whoami} endpoint here is a {@code @TenantApi} with service-
 * kit's cached key lookup, cache lifetime 1 s). The service's clock can be moved forward, and the
 * transactions that write the tenants table raced ({@link Races}).
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.admin.token=" + TenantApiKeysIT.ADMIN_TOKEN,
      "salestalk.outbox.relay.interval=200ms",
      "salestalk.metrics.cloudwatch.enabled=false",
      "salestalk.auth.tenant-api-keys.cache-ttl=" + TenantApiKeysIT.CACHE_TTL_SECONDS + "s",
      "salestalk.auth.tenant-api-keys.negative-cache-ttl=0s"
    })
@Import({TenantApiKeysIT.Setup.class, Races.class})
class TenantApiKeysIT {

  static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";
  static final int CACHE_TTL_SECONDS = 1;
  static final String TENANTS = "/api/v1/tenants";

  /** A key the cache holds is refused at most this long after the change (plus slack). */
  static final Duration WITHIN_CACHE_LIFETIME = Duration.ofSeconds(CACHE_TTL_SECONDS + 2);

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired MovableClock clock;
  @Autowired TransactionFaults tenantsRaces;
  Http http;

  @TestConfiguration(proxyBeanMethods = false)
  static class Setup {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }

    @Bean
    WhoAmI whoAmI() {
      return new WhoAmI();
    }
  }

  /**
   * A tenant endpoint, as chat-handler's and metrics-handler's are (outside the API document; a
   * test component, so only this test's context has it).
   */
  @TestComponent
  @RestController
  @TenantApi
  static class WhoAmI {
    @GetMapping("/test/whoami")
    Map<String, String> whoami(@AuthenticatedTenant TenantId tenant) {
      return Map.of("tenantId", tenant.value());
    }
  }

  /** The UTC system clock plus an offset the test moves forward. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  // ---------------------------------------------------------------- helpers

  record NewTenant(String id, String apiKey, String keyId) {}

  NewTenant createTenant() {
    JsonNode created =
        admin("POST", TENANTS, "{\"name\":\"Keys " + UUID.randomUUID() + "\",\"plan\":\"trial\"}")
            .json();
    return new NewTenant(
        created.get("tenantId").asString(),
        created.get("apiKey").asString(),
        created.get("apiKeyId").asString());
  }

  Reply admin(String method, String path, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + ADMIN_TOKEN));
    if (body != null) {
      all.addAll(List.of("Content-Type", "application/json"));
    }
    all.addAll(List.of(headers));
    return http.send(method, path, body, all.toArray(String[]::new));
  }

  static String keys(String tenantId) {
    return TENANTS + "/" + tenantId + "/api-keys";
  }

  Reply issue(String tenantId, String... headers) {
    return admin("POST", keys(tenantId), null, headers);
  }

  JsonNode listKeys(String tenantId) {
    Reply reply = admin("GET", keys(tenantId), null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("items");
  }

  Reply whoami(String apiKey) {
    return http.send("GET", "/test/whoami", null, "X-Api-Key", apiKey);
  }

  void assertAccepted(String apiKey, String tenantId) {
    Reply reply = whoami(apiKey);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("tenantId").asString()).isEqualTo(tenantId);
  }

  /** Refused exactly as a key that never existed is: nothing tells why. */
  void assertRefused(String apiKey) {
    Reply reply = whoami(apiKey);
    Reply unknown = whoami(ApiKeys.generate());
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json()).isEqualTo(unknown.json());
    assertThat(reply.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
    assertThat(reply.json().get("detail").asString()).isEqualTo("The API key is not valid");
  }

  void awaitRefused(String apiKey) {
    await()
        .atMost(WITHIN_CACHE_LIFETIME)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertRefused(apiKey));
  }

  void awaitAccepted(String apiKey, String tenantId) {
    await()
        .atMost(WITHIN_CACHE_LIFETIME)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertAccepted(apiKey, tenantId));
  }

  static void assertProblem(Reply reply, int status, String type, String detail) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().get("type").asString())
        .isEqualTo("https://salestalk.dev/problems/" + type);
    assertThat(reply.json().get("detail").asString()).isEqualTo(detail);
  }

  Map<String, AttributeValue> item(String id) {
    return dynamoDb
        .getItem(
            b ->
                b.tableName(stack.output("TenantsTableName"))
                    .key(Map.of("tenantId", AttributeValue.fromS(id)))
                    .consistentRead(true))
        .item();
  }

  // ---------------------------------------------------------------- the flows

  @Nested
  class Rotation {

    @Test
    void aNewKeyWorksAtOnceAndTheOldOneUntilTheGracePeriodEnds() {
      NewTenant tenant = createTenant();
      assertAccepted(tenant.apiKey(), tenant.id());

      Reply issued = issue(tenant.id());

      assertThat(issued.status()).as(issued.body()).isEqualTo(201);
      String newKey = issued.json().get("apiKey").asString();
      String newKeyId = issued.json().get("keyId").asString();
      Instant createdAt = Instant.parse(issued.json().get("createdAt").asString());
      assertThat(ApiKeys.wellFormed(newKey)).isTrue();
      assertThat(newKeyId).matches("key-[a-z0-9]{20}");
      assertThat(issued.json().get("previousKeysExpireAt").asString())
          .isEqualTo(createdAt.plus(Duration.ofHours(24)).toString());
      assertAccepted(newKey, tenant.id());
      assertAccepted(tenant.apiKey(), tenant.id());
      JsonNode keys = listKeys(tenant.id());
      assertThat(keys).hasSize(2);
      assertThat(keys.get(0).get("keyId").asString()).isEqualTo(tenant.keyId());
      assertThat(keys.get(0).get("status").asString()).isEqualTo("expiring");
      assertThat(keys.get(0).get("expiresAt").asString())
          .isEqualTo(issued.json().get("previousKeysExpireAt").asString());
      assertThat(keys.get(1).get("keyId").asString()).isEqualTo(newKeyId);
      assertThat(keys.get(1).get("status").asString()).isEqualTo("active");

      clock.advance(Duration.ofHours(24));

      awaitRefused(tenant.apiKey());
      assertAccepted(newKey, tenant.id());
      assertThat(listKeys(tenant.id()).get(0).get("status").asString()).isEqualTo("expired");
    }

    @Test
    void issuingAgainRemovesTheKeysThatCanNoLongerWork() {
      NewTenant tenant = createTenant();
      String second = issue(tenant.id()).json().get("keyId").asString();
      clock.advance(Duration.ofHours(25));

      String third = issue(tenant.id()).json().get("keyId").asString();

      JsonNode keys = listKeys(tenant.id());
      assertThat(keys).extracting(k -> k.get("keyId").asString()).containsExactly(second, third);
      assertThat(item(tenant.id() + "#" + tenant.keyId())).isEmpty();
      assertThat(item(tenant.id()).get("apiKeyIds").ss()).containsExactlyInAnyOrder(second, third);
    }

    @Test
    void aRetriedIssueNamesTheSameKeyButDoesNotShowItAgain() {
      NewTenant tenant = createTenant();
      String key = "rotate-" + UUID.randomUUID();

      Reply first = issue(tenant.id(), "Idempotency-Key", key);
      Reply again = issue(tenant.id(), "Idempotency-Key", key);

      assertThat(first.status()).isEqualTo(201);
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
      String keyId = first.json().get("keyId").asString();
      assertThat(again.json().get("keyId").asString()).isEqualTo(keyId);
      assertThat(again.json().has("apiKey")).isFalse();
      assertThat(again.json().get("apiKeyRecovery").asString())
          .contains("DELETE " + keys(tenant.id()) + "/" + keyId);
      assertThat(listKeys(tenant.id())).hasSize(2);

      NewTenant other = createTenant();
      assertProblem(
          issue(other.id(), "Idempotency-Key", key),
          422,
          "idempotency-key-reused",
          "This Idempotency-Key was already used with a different request body; use a new key"
              + " for a new request");
      assertThat(issue(other.id(), "Idempotency-Key", "has space").status()).isEqualTo(400);
      assertThat(listKeys(other.id())).hasSize(1);
    }

    @Test
    void aTenantHasAtMostTenUsableKeys() {
      NewTenant tenant = createTenant();
      for (int i = 0; i < 9; i++) {
        assertThat(issue(tenant.id()).status()).isEqualTo(201);
      }

      assertProblem(
          issue(tenant.id()),
          409,
          "conflict",
          "Tenant "
              + tenant.id()
              + " already has 10 usable API keys; revoke one before issuing another");

      assertThat(admin("DELETE", keys(tenant.id()) + "/" + tenant.keyId(), null).status())
          .isEqualTo(204);
      assertThat(issue(tenant.id()).status()).isEqualTo(201);
    }

    @Test
    void anUnknownTenantHasNoKeys() {
      String detail = "No tenant with id tenant-doesnotexist";
      assertProblem(issue("tenant-doesnotexist"), 404, "not-found", detail);
      assertProblem(admin("GET", keys("tenant-doesnotexist"), null), 404, "not-found", detail);
      assertProblem(
          admin("DELETE", keys("tenant-doesnotexist") + "/key-x", null), 404, "not-found", detail);
    }
  }

  @Nested
  class Revocation {

    @Test
    void aRevokedKeyIsRefusedWithinTheCacheLifetime() {
      NewTenant tenant = createTenant();
      assertAccepted(tenant.apiKey(), tenant.id()); // now in the cache

      Reply revoked = admin("DELETE", keys(tenant.id()) + "/" + tenant.keyId(), null);

      assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
      awaitRefused(tenant.apiKey());
      JsonNode key = listKeys(tenant.id()).get(0);
      assertThat(key.get("status").asString()).isEqualTo("revoked");
      String revokedAt = key.get("revokedAt").asString();
      assertThat(admin("DELETE", keys(tenant.id()) + "/" + tenant.keyId(), null).status())
          .isEqualTo(204);
      assertThat(listKeys(tenant.id()).get(0).get("revokedAt").asString()).isEqualTo(revokedAt);
      assertProblem(
          admin("DELETE", keys(tenant.id()) + "/key-unknown", null),
          404,
          "not-found",
          "No API key key-unknown of tenant " + tenant.id());
    }

    /**
     * The keys are written only if they are still as read: a key revoked while another is being
     * issued stays revoked (the issue starts over, sees it revoked, and so removes it).
     */
    @Test
    void aKeyRevokedWhileAnotherIsIssuedStaysRevoked() throws Exception {
      NewTenant tenant = createTenant();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        tenantsRaces.hold();
        Future<Reply> issuing = pool.submit(() -> issue(tenant.id()));
        tenantsRaces.awaitHeld();

        Reply revoked = admin("DELETE", keys(tenant.id()) + "/" + tenant.keyId(), null);
        tenantsRaces.release();
        Reply issued = issuing.get(30, TimeUnit.SECONDS);

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("previousKeysExpireAt").isNull()).isTrue();
        assertThat(listKeys(tenant.id()))
            .extracting(k -> k.get("keyId").asString())
            .containsExactly(issued.json().get("keyId").asString());
        awaitRefused(tenant.apiKey());
      } finally {
        tenantsRaces.release();
        pool.shutdownNow();
      }
    }

    @Test
    void changesThatKeepMeetingConcurrentOnesAreRefusedAfterThreeAttempts() {
      NewTenant tenant = createTenant();

      tenantsRaces.conflict().conflict();
      assertThat(issue(tenant.id()).status()).isEqualTo(201);

      tenantsRaces.conflict().conflict().conflict();
      assertProblem(
          issue(tenant.id()),
          409,
          "conflict",
          "The tenant's API keys were changed by concurrent requests; retry");
      assertThat(listKeys(tenant.id())).hasSize(2);
    }
  }

  @Nested
  class Suspension {

    @Test
    void aSuspendedTenantsKeysAreRefusedUntilItIsResumed() {
      NewTenant tenant = createTenant();
      String second = issue(tenant.id()).json().get("apiKey").asString();
      assertAccepted(tenant.apiKey(), tenant.id());
      assertAccepted(second, tenant.id());

      Reply suspended = admin("POST", TENANTS + "/" + tenant.id() + "/suspend", null);

      assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
      assertThat(suspended.json().get("status").asString()).isEqualTo("suspended");
      assertThat(admin("GET", TENANTS + "/" + tenant.id(), null).json().get("status").asString())
          .isEqualTo("suspended");
      awaitRefused(tenant.apiKey());
      awaitRefused(second);

      Reply resumed = admin("POST", TENANTS + "/" + tenant.id() + "/resume", null);

      assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
      assertThat(resumed.json().get("status").asString()).isEqualTo("active");
      awaitAccepted(tenant.apiKey(), tenant.id());
      awaitAccepted(second, tenant.id());
    }

    @Test
    void suspendingTwiceChangesNothingAndUnknownTenantsAreNotFound() {
      NewTenant tenant = createTenant();
      admin("POST", TENANTS + "/" + tenant.id() + "/suspend", null);
      Reply again = admin("POST", TENANTS + "/" + tenant.id() + "/suspend", null);

      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().get("status").asString()).isEqualTo("suspended");
      assertProblem(
          admin("POST", TENANTS + "/tenant-doesnotexist/resume", null),
          404,
          "not-found",
          "No tenant with id tenant-doesnotexist");
      assertThat(item("tenant-doesnotexist")).isEmpty();
    }
  }

  @Nested
  class Secrecy {

    @Test
    void neitherTheListNorTheTableShowsAKey() {
      NewTenant tenant = createTenant();
      String second = issue(tenant.id()).json().get("apiKey").asString();

      Reply list = admin("GET", keys(tenant.id()), null);

      for (String key : List.of(tenant.apiKey(), second)) {
        assertThat(list.body()).doesNotContain(key, ApiKeys.hash(key));
      }
      for (JsonNode item : list.json().get("items")) {
        assertThat(item.propertyNames())
            .containsExactlyInAnyOrder("keyId", "status", "createdAt", "expiresAt", "revokedAt");
      }
      String stored = item(tenant.id()) + " " + item(tenant.id() + "#" + tenant.keyId());
      assertThat(stored).contains(ApiKeys.hash(tenant.apiKey())).doesNotContain(tenant.apiKey());
    }
  }

  @Nested
  class Recovery {

    /** docs/tenant-onboard.md "Lost the key?", step by step. */
    @Test
    void aClientThatLostTheCreateResponseGetsAWorkingKeyAndRevokesTheLostOne() {
      String idempotencyKey = "onboard-" + UUID.randomUUID();
      String body = "{\"name\":\"Lost Key\",\"plan\":\"standard\"}";
      String lostKey =
          admin("POST", TENANTS, body, "Idempotency-Key", idempotencyKey)
              .json()
              .get("apiKey")
              .asString();

      Reply replayed = admin("POST", TENANTS, body, "Idempotency-Key", idempotencyKey);
      String tenantId = replayed.json().get("tenantId").asString();
      assertThat(replayed.json().get("apiKeyRecovery").asString())
          .contains("POST " + keys(tenantId));
      String lostKeyId = listKeys(tenantId).get(0).get("keyId").asString();
      Reply issued = issue(tenantId);
      Reply revoked = admin("DELETE", keys(tenantId) + "/" + lostKeyId, null);

      assertThat(issued.status()).isEqualTo(201);
      assertThat(revoked.status()).isEqualTo(204);
      assertAccepted(issued.json().get("apiKey").asString(), tenantId);
      awaitRefused(lostKey);
    }
  }

  @Nested
  class TenantsCreatedBeforeKeysRotated {

    /** A tenant item as tenant-onboard wrote it before API keys could be rotated. */
    NewTenant putOldTenant() {
      String id = "tenant-old" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
      String apiKey = ApiKeys.generate();
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("tenantId", AttributeValue.fromS(id));
      item.put("name", AttributeValue.fromS("Old Corp"));
      item.put("plan", AttributeValue.fromS("standard"));
      item.put("region", AttributeValue.fromS("us-east-1"));
      item.put("currency", AttributeValue.fromS("USD"));
      item.put("timezone", AttributeValue.fromS("UTC"));
      item.put("features", AttributeValue.fromL(List.of()));
      item.put("apiKeyHash", AttributeValue.fromS(ApiKeys.hash(apiKey)));
      item.put("createdAt", AttributeValue.fromS("2026-01-02T03:04:05.678Z"));
      dynamoDb.putItem(b -> b.tableName(stack.output("TenantsTableName")).item(item));
      return new NewTenant(id, apiKey, ApiKeys.INITIAL_KEY_ID);
    }

    @Test
    void itsKeyStillWorksAndIsListedAsTheInitialKey() {
      NewTenant tenant = putOldTenant();

      assertAccepted(tenant.apiKey(), tenant.id());
      assertThat(admin("GET", TENANTS + "/" + tenant.id(), null).json().get("status").asString())
          .isEqualTo("active");
      JsonNode keys = listKeys(tenant.id());
      assertThat(keys).hasSize(1);
      assertThat(keys.get(0).get("keyId").asString()).isEqualTo("key-initial");
      assertThat(keys.get(0).get("status").asString()).isEqualTo("active");
      assertThat(keys.get(0).get("createdAt").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
    }

    @Test
    void itsKeyCanBeRotatedAndThenRevoked() {
      NewTenant tenant = putOldTenant();

      Reply issued = issue(tenant.id());

      assertThat(issued.status()).as(issued.body()).isEqualTo(201);
      String newKey = issued.json().get("apiKey").asString();
      assertAccepted(tenant.apiKey(), tenant.id());
      assertAccepted(newKey, tenant.id());
      assertThat(item(tenant.id())).doesNotContainKey("apiKeyHash");
      Map<String, AttributeValue> initial = item(tenant.id() + "#key-initial");
      assertThat(initial.get("apiKeyHash").s()).isEqualTo(ApiKeys.hash(tenant.apiKey()));
      assertThat(initial.get("expiresAt").s())
          .isEqualTo(issued.json().get("previousKeysExpireAt").asString());

      assertThat(admin("DELETE", keys(tenant.id()) + "/key-initial", null).status()).isEqualTo(204);

      awaitRefused(tenant.apiKey());
      assertAccepted(newKey, tenant.id());
    }

    @Test
    void itsKeyCanBeRevokedStraightAway() {
      NewTenant tenant = putOldTenant();

      assertThat(admin("DELETE", keys(tenant.id()) + "/key-initial", null).status()).isEqualTo(204);

      awaitRefused(tenant.apiKey());
      assertThat(listKeys(tenant.id()).get(0).get("status").asString()).isEqualTo("revoked");
    }
  }
}
