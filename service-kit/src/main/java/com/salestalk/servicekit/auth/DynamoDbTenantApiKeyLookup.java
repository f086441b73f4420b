package com.salestalk.servicekit.auth;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Finds the tenant of a key in the tenants table (docs/DATA_CONTRACTS.md). The {@code apiKeyHash}
 * index only names the item that holds the hash: a key item {@code {tenantId}#{keyId}} or, for a
 * tenant whose key was never rotated since before keys could be, the tenant item itself. Strongly
 * consistent reads of the tenant item and the key item then decide: the tenant exists and is not
 * suspended, and the key still has that hash, is not revoked and is not past its expiry. So a
 * revocation or suspension is seen by the very next lookup, however late the index is.
 */
final class DynamoDbTenantApiKeyLookup implements TenantApiKeyLookup {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbTenantApiKeyLookup.class);
  private static final String ID = "tenantId";
  private static final String HASH = "apiKeyHash";
  private static final String SUSPENDED = "SUSPENDED";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String index;
  private final Clock clock;

  DynamoDbTenantApiKeyLookup(DynamoDbClient dynamoDb, String table, String index, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.index = index;
    this.clock = clock;
  }

  @Override
  public Optional<TenantId> tenantFor(String apiKeyHash) {
    Optional<String> holder = holderOf(apiKeyHash);
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    String id = holder.get();
    int separator = id.indexOf('#');
    String tenantItemId = separator < 0 ? id : id.substring(0, separator);
    TenantId tenant;
    try {
      tenant = TenantId.of(tenantItemId);
    } catch (IllegalArgumentException e) {
      log.error("tenants table {} holds a malformed tenantId for an API key hash", table);
      return Optional.empty();
    }
    Map<String, AttributeValue> tenantItem = read(tenantItemId);
    if (tenantItem == null || SUSPENDED.equals(text(tenantItem, "status"))) {
      return Optional.empty();
    }
    if (apiKeyHash.equals(text(tenantItem, HASH))) {
      return Optional.of(tenant); // the initial key, never rotated nor revoked
    }
    // the index may still show the tenant item of an initial key that has just moved to its item
    String keyItemId = separator < 0 ? id + "#" + ApiKeys.INITIAL_KEY_ID : id;
    Map<String, AttributeValue> key = read(keyItemId);
    return key != null && usable(key, apiKeyHash) ? Optional.of(tenant) : Optional.empty();
  }

  /** The primary key of the item the index finds for the hash. */
  private Optional<String> holderOf(String apiKeyHash) {
    QueryResponse response =
        dynamoDb.query(
            q ->
                q.tableName(table)
                    .indexName(index)
                    .keyConditionExpression("apiKeyHash = :h")
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(apiKeyHash)))
                    .projectionExpression(ID)
                    .limit(1));
    if (!response.hasItems() || response.items().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(text(response.items().get(0), ID));
  }

  private Map<String, AttributeValue> read(String id) {
    GetItemResponse response =
        dynamoDb.getItem(
            g ->
                g.tableName(table)
                    .key(Map.of(ID, AttributeValue.fromS(id)))
                    .consistentRead(true)
                    .projectionExpression("tenantId, #status, apiKeyHash, expiresAt, revokedAt")
                    .expressionAttributeNames(Map.of("#status", "status")));
    return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }

  private boolean usable(Map<String, AttributeValue> key, String apiKeyHash) {
    String expiresAt = text(key, "expiresAt");
    return apiKeyHash.equals(text(key, HASH))
        && text(key, "revokedAt") == null
        && (expiresAt == null || clock.instant().isBefore(Instant.parse(expiresAt)));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
