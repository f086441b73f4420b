package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The API keys in the {@code {env}-tenants} table (DATA_CONTRACTS.md): one key item {@code
 * {tenantId}#{keyId}} per key, holding its hash and times, and on the tenant item the ids of its
 * key items ({@code apiKeyIds}) and a version ({@code keysVersion}) that every change of the keys
 * bumps, so changes are made from what was read or not at all. A tenant created before keys could
 * be rotated has its one key's hash on the tenant item ({@code apiKeyHash}, key id {@value
 * ApiKeys#INITIAL_KEY_ID}); its first key change moves it to a key item.
 */
final class ApiKeyStore {

  static final String KEY_IDS = "apiKeyIds";
  static final String KEYS_VERSION = "keysVersion";

  private static final String ID = "tenantId";
  private static final String HASH = "apiKeyHash";
  private static final int BATCH_GET_ATTEMPTS = 5;

  private final DynamoDbClient dynamoDb;
  private final String table;

  ApiKeyStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** A key and the hash it is found by. */
  record StoredKey(ApiKey key, String apiKeyHash) {}

  /**
   * A tenant's keys as read.
   *
   * @param tenant the tenant
   * @param version its {@code keysVersion} (0 before the first change)
   * @param keys its keys, oldest first
   * @param initialOnTenantItem whether the initial key's hash is still on the tenant item
   */
  record TenantKeys(
      TenantId tenant, long version, List<StoredKey> keys, boolean initialOnTenantItem) {

    Optional<StoredKey> find(String keyId) {
      return keys.stream().filter(k -> k.key().keyId().equals(keyId)).findFirst();
    }

    List<ApiKey> metadata() {
      return keys.stream().map(StoredKey::key).toList();
    }
  }

  /** The item of a new key, failing if it exists, for the transaction that creates a tenant. */
  TransactWriteItem putNew(TenantId tenant, StoredKey key) {
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table)
                    .item(item(tenant, key))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ID)))
        .build();
  }

  /** The tenant's keys (strongly consistent), or empty when there is no such tenant. */
  Optional<TenantKeys> load(TenantId tenant) {
    GetItemResponse response =
        dynamoDb.getItem(
            g ->
                g.tableName(table)
                    .key(key(tenant.value()))
                    .consistentRead(true)
                    .projectionExpression("#id, createdAt, #ids, #version, #hash")
                    .expressionAttributeNames(
                        Map.of(
                            "#id", ID, "#ids", KEY_IDS, "#version", KEYS_VERSION, "#hash", HASH)));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> tenantItem = response.item();
    List<StoredKey> keys = new ArrayList<>();
    AttributeValue ids = tenantItem.get(KEY_IDS);
    if (ids != null && ids.hasSs()) {
      keys.addAll(read(tenant, ids.ss()));
    }
    AttributeValue initialHash = tenantItem.get(HASH);
    if (initialHash != null) {
      Instant created = Instant.parse(tenantItem.get("createdAt").s());
      keys.add(
          new StoredKey(new ApiKey(ApiKeys.INITIAL_KEY_ID, created, null, null), initialHash.s()));
    }
    keys.sort(
        Comparator.comparing((StoredKey k) -> k.key().createdAt())
            .thenComparing(k -> k.key().keyId()));
    AttributeValue version = tenantItem.get(KEYS_VERSION);
    return Optional.of(
        new TenantKeys(
            tenant,
            version == null ? 0 : Long.parseLong(version.n()),
            List.copyOf(keys),
            initialHash != null));
  }

  /**
   * The writes that take a tenant's keys from {@code before} to {@code after}, for one transaction
   * that fails unless the keys are still as read: the tenant item first (new {@code apiKeyIds}, the
   * next {@code keysVersion}, the initial key's hash removed), then a put of every key that is new,
   * changed or still on the tenant item, and a delete of every key left out.
   */
  List<TransactWriteItem> changes(TenantKeys before, List<StoredKey> after) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(updateTenant(before, after));
    for (StoredKey key : after) {
      Optional<StoredKey> old = before.find(key.key().keyId());
      boolean onTenantItem =
          before.initialOnTenantItem() && key.key().keyId().equals(ApiKeys.INITIAL_KEY_ID);
      if (old.isEmpty() || !old.get().equals(key) || onTenantItem) {
        items.add(
            TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item(before.tenant(), key)))
                .build());
      }
    }
    Set<String> kept = after.stream().map(k -> k.key().keyId()).collect(Collectors.toSet());
    for (StoredKey key : before.keys()) {
      boolean stored =
          !(before.initialOnTenantItem() && key.key().keyId().equals(ApiKeys.INITIAL_KEY_ID));
      if (stored && !kept.contains(key.key().keyId())) {
        items.add(
            TransactWriteItem.builder()
                .delete(
                    d -> d.tableName(table).key(key(itemId(before.tenant(), key.key().keyId()))))
                .build());
      }
    }
    return items;
  }

  private TransactWriteItem updateTenant(TenantKeys before, List<StoredKey> after) {
    Map<String, String> names = new HashMap<>();
    names.put("#id", ID);
    names.put("#ids", KEY_IDS);
    names.put("#version", KEYS_VERSION);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":next", AttributeValue.fromN(Long.toString(before.version() + 1)));
    values.put(":ids", AttributeValue.fromSs(after.stream().map(k -> k.key().keyId()).toList()));
    String update = "SET #ids = :ids, #version = :next";
    if (before.initialOnTenantItem()) {
      names.put("#hash", HASH);
      update += " REMOVE #hash";
    }
    String condition = "attribute_exists(#id) AND attribute_not_exists(#version)";
    if (before.version() > 0) {
      condition = "attribute_exists(#id) AND #version = :version";
      values.put(":version", AttributeValue.fromN(Long.toString(before.version())));
    }
    String updateExpression = update;
    String conditionExpression = condition;
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key(before.tenant().value()))
                    .updateExpression(updateExpression)
                    .conditionExpression(conditionExpression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values))
        .build();
  }

  private List<StoredKey> read(TenantId tenant, List<String> keyIds) {
    Map<String, KeysAndAttributes> pending =
        Map.of(
            table,
            KeysAndAttributes.builder()
                .keys(keyIds.stream().map(id -> key(itemId(tenant, id))).toList())
                .consistentRead(true)
                .build());
    List<StoredKey> keys = new ArrayList<>();
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > BATCH_GET_ATTEMPTS) {
        throw SdkClientException.create(
            "DynamoDB left API keys of "
                + tenant
                + " unprocessed "
                + BATCH_GET_ATTEMPTS
                + " times");
      }
      Map<String, KeysAndAttributes> request = pending;
      BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
      response.responses().getOrDefault(table, List.of()).forEach(item -> keys.add(fromItem(item)));
      pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return keys;
  }

  private static String itemId(TenantId tenant, String keyId) {
    return tenant.value() + "#" + keyId;
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(ID, AttributeValue.fromS(id));
  }

  private static Map<String, AttributeValue> item(TenantId tenant, StoredKey stored) {
    ApiKey key = stored.key();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, AttributeValue.fromS(itemId(tenant, key.keyId())));
    item.put("keyId", AttributeValue.fromS(key.keyId()));
    item.put(HASH, AttributeValue.fromS(stored.apiKeyHash()));
    item.put("createdAt", AttributeValue.fromS(key.createdAt().toString()));
    if (key.expiresAt() != null) {
      item.put("expiresAt", AttributeValue.fromS(key.expiresAt().toString()));
    }
    if (key.revokedAt() != null) {
      item.put("revokedAt", AttributeValue.fromS(key.revokedAt().toString()));
    }
    return item;
  }

  private static StoredKey fromItem(Map<String, AttributeValue> item) {
    return new StoredKey(
        new ApiKey(
            item.get("keyId").s(),
            Instant.parse(item.get("createdAt").s()),
            instant(item.get("expiresAt")),
            instant(item.get("revokedAt"))),
        item.get(HASH).s());
  }

  private static Instant instant(AttributeValue value) {
    return value == null ? null : Instant.parse(value.s());
  }
}
