package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.testsupport.AwsResources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The API-key lookup on a tenants table in the emulator: key items, the initial key of tenants
 * created before keys could be rotated, expiry, revocation and suspension.
 */
@AwsEmulatorTest
class DynamoDbTenantApiKeyLookupIT {

  private static final String TABLE = AwsResources.unique("it-tenants");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final StaleIndex STALE_INDEX = new StaleIndex();
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void table(AwsEndpoint aws) {
    dynamoDb =
        aws.configure(DynamoDbClient.builder())
            .overrideConfiguration(c -> c.addExecutionInterceptor(STALE_INDEX))
            .build();
    AwsResources.createTenantsTable(dynamoDb, TABLE);
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  private static DynamoDbTenantApiKeyLookup lookup() {
    return new DynamoDbTenantApiKeyLookup(
        dynamoDb, TABLE, "apiKeyHash-index", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String newTenant() {
    return "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  /**
   * A tenant item; {@code initialKey} puts its key on it, as tenants created before keys rotate.
   */
  private static void putTenant(String tenantId, String status, String initialKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("tenantId", AttributeValue.fromS(tenantId));
    if (status != null) {
      item.put("status", AttributeValue.fromS(status));
    }
    if (initialKey != null) {
      item.put("apiKeyHash", AttributeValue.fromS(ApiKeys.hash(initialKey)));
    }
    dynamoDb.putItem(b -> b.tableName(TABLE).item(item));
  }

  private static void putKey(
      String tenantId, String keyId, String apiKey, String expiresAt, String revokedAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("tenantId", AttributeValue.fromS(tenantId + "#" + keyId));
    item.put("keyId", AttributeValue.fromS(keyId));
    item.put("apiKeyHash", AttributeValue.fromS(ApiKeys.hash(apiKey)));
    item.put("createdAt", AttributeValue.fromS("2026-11-01T00:00:00Z"));
    if (expiresAt != null) {
      item.put("expiresAt", AttributeValue.fromS(expiresAt));
    }
    if (revokedAt != null) {
      item.put("revokedAt", AttributeValue.fromS(revokedAt));
    }
    dynamoDb.putItem(b -> b.tableName(TABLE).item(item));
  }

  @Test
  void aKeyItemAuthenticatesItsTenantAndUnknownKeysNone() {
    String tenant = newTenant();
    String key = ApiKeys.generate();
    putTenant(tenant, "ACTIVE", null);
    putKey(tenant, "key-aaaa", key, null, null);

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).contains(TenantId.of(tenant));
    assertThat(lookup().tenantFor(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
  }

  @Test
  void anExpiringKeyWorksUntilItsExpiryAndNotFromThen() {
    String tenant = newTenant();
    String expiring = ApiKeys.generate();
    String expired = ApiKeys.generate();
    putTenant(tenant, "ACTIVE", null);
    putKey(tenant, "key-bbbb", expiring, NOW.plusMillis(1).toString(), null);
    putKey(tenant, "key-cccc", expired, NOW.toString(), null);

    assertThat(lookup().tenantFor(ApiKeys.hash(expiring))).contains(TenantId.of(tenant));
    assertThat(lookup().tenantFor(ApiKeys.hash(expired))).isEmpty();
  }

  @Test
  void aRevokedKeyIsRefused() {
    String tenant = newTenant();
    String key = ApiKeys.generate();
    putTenant(tenant, "ACTIVE", null);
    putKey(tenant, "key-dddd", key, null, NOW.minusSeconds(1).toString());

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).isEmpty();
  }

  @Test
  void everyKeyOfASuspendedTenantIsRefused() {
    String tenant = newTenant();
    String initial = ApiKeys.generate();
    String rotated = ApiKeys.generate();
    putTenant(tenant, "SUSPENDED", initial);
    putKey(tenant, "key-eeee", rotated, null, null);

    assertThat(lookup().tenantFor(ApiKeys.hash(initial))).isEmpty();
    assertThat(lookup().tenantFor(ApiKeys.hash(rotated))).isEmpty();
  }

  @Test
  void aKeyWhoseTenantItemIsGoneIsRefused() {
    String key = ApiKeys.generate();
    putKey(newTenant(), "key-ffff", key, null, null);

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).isEmpty();
  }

  @Test
  void theInitialKeyOfATenantCreatedBeforeRotationAuthenticatesFromTheTenantItem() {
    String tenant = newTenant();
    String key = ApiKeys.generate();
    putTenant(tenant, null, key);

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).contains(TenantId.of(tenant));
  }

  @Test
  void anInitialKeyJustMovedToItsKeyItemIsFoundWhileTheIndexStillShowsTheTenantItem() {
    String tenant = newTenant();
    String key = ApiKeys.generate();
    putTenant(tenant, null, null);
    putKey(tenant, ApiKeys.INITIAL_KEY_ID, key, NOW.plusSeconds(60).toString(), null);
    STALE_INDEX.show(ApiKeys.hash(key), tenant);

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).contains(TenantId.of(tenant));

    putKey(tenant, ApiKeys.INITIAL_KEY_ID, key, null, NOW.toString());
    assertThat(lookup().tenantFor(ApiKeys.hash(key))).isEmpty();
  }

  @Test
  void aMalformedStoredIdIsTreatedAsUnknown() {
    String key = ApiKeys.generate();
    putTenant("not a tenant id", null, key);

    assertThat(lookup().tenantFor(ApiKeys.hash(key))).isEmpty();
  }

  /**
   * Makes the index answer a query for a hash with a given item, as a global secondary index may
   * for a moment after the hash moved to another item (the emulator's index is never late).
   */
  static final class StaleIndex implements ExecutionInterceptor {
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    void show(String apiKeyHash, String itemId) {
      holders.put(apiKeyHash, itemId);
    }

    @Override
    public SdkResponse modifyResponse(
        Context.ModifyResponse context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof QueryRequest query)
          || !(context.response() instanceof QueryResponse response)) {
        return context.response();
      }
      String holder = holders.get(query.expressionAttributeValues().get(":h").s());
      if (holder == null) {
        return context.response();
      }
      return response.toBuilder()
          .items(List.of(Map.of("tenantId", AttributeValue.fromS(holder))))
          .count(1)
          .build();
    }
  }
}
