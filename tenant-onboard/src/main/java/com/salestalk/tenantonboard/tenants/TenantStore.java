package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The tenant items of the {@code {env}-tenants} table (DATA_CONTRACTS.md); the table also holds the
 * tenants' API-key items ({@link ApiKeyStore}), which reads here skip.
 */
final class TenantStore {

  private static final String ID = "tenantId";
  private static final String STATUS = "status";

  private final DynamoDbClient dynamoDb;
  private final String table;

  TenantStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /**
   * The put of a new tenant, failing if the id exists, for the provisioning transaction (with the
   * put of its first key's item, {@link ApiKeyStore#putNew}).
   */
  TransactWriteItem putNew(Tenant tenant, String firstKeyId) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ID, AttributeValue.fromS(tenant.id().value()));
    item.put("name", AttributeValue.fromS(tenant.name()));
    item.put("plan", AttributeValue.fromS(tenant.plan().wire()));
    item.put("region", AttributeValue.fromS(tenant.region()));
    item.put("currency", AttributeValue.fromS(tenant.currency()));
    item.put("timezone", AttributeValue.fromS(tenant.timezone()));
    item.put(
        "features",
        AttributeValue.fromL(tenant.features().stream().map(AttributeValue::fromS).toList()));
    item.put("createdAt", AttributeValue.fromS(tenant.createdAt().toString()));
    item.put(STATUS, AttributeValue.fromS(tenant.status().name()));
    item.put(ApiKeyStore.KEY_IDS, AttributeValue.fromSs(List.of(firstKeyId)));
    item.put(ApiKeyStore.KEYS_VERSION, AttributeValue.fromN("1"));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build())
        .build();
  }

  Optional<Tenant> find(TenantId id) {
    GetItemResponse response =
        dynamoDb.getItem(
            g ->
                g.tableName(table)
                    .key(Map.of(ID, AttributeValue.fromS(id.value())))
                    .consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(fromItem(response.item()))
        : Optional.empty();
  }

  /**
   * Sets a tenant's status.
   *
   * @return the tenant as it is now, or empty when there is no such tenant
   */
  Optional<Tenant> setStatus(TenantId id, TenantStatus status) {
    try {
      return Optional.of(
          fromItem(
              dynamoDb
                  .updateItem(
                      u ->
                          u.tableName(table)
                              .key(Map.of(ID, AttributeValue.fromS(id.value())))
                              .updateExpression("SET #status = :status")
                              .conditionExpression("attribute_exists(#id)")
                              .expressionAttributeNames(Map.of("#status", STATUS, "#id", ID))
                              .expressionAttributeValues(
                                  Map.of(":status", AttributeValue.fromS(status.name())))
                              .returnValues(ReturnValue.ALL_NEW))
                  .attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /**
   * One page of tenants: the table is scanned, skipping key items, until {@code size} tenants are
   * found or the table ends.
   *
   * @param size most tenants
   * @param after the item the previous page ended with, or null for the first page
   * @return the page and the token of the next, or null
   */
  Page page(int size, String after) {
    List<Tenant> tenants = new ArrayList<>();
    Map<String, AttributeValue> start =
        after == null ? null : Map.of(ID, AttributeValue.fromS(after));
    do {
      // evaluates no more items than tenants are missing, so the last one evaluated ends the page
      ScanRequest.Builder scan =
          ScanRequest.builder()
              .tableName(table)
              .limit(size - tenants.size())
              .filterExpression("attribute_not_exists(keyId)")
              .exclusiveStartKey(start);
      ScanResponse response = dynamoDb.scan(scan.build());
      response.items().forEach(item -> tenants.add(fromItem(item)));
      start =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? response.lastEvaluatedKey()
              : null;
    } while (start != null && tenants.size() < size);
    return new Page(tenants, start == null ? null : PageTokens.encode(start.get(ID).s()));
  }

  record Page(List<Tenant> tenants, String nextPageToken) {}

  private static Tenant fromItem(Map<String, AttributeValue> item) {
    AttributeValue features = item.get("features");
    return new Tenant(
        TenantId.of(item.get(ID).s()),
        item.get("name").s(),
        Plan.fromWire(item.get("plan").s())
            .orElseThrow(() -> new IllegalStateException("unknown plan in tenants table")),
        item.get("region").s(),
        item.get("currency").s(),
        item.get("timezone").s(),
        features == null || !features.hasL()
            ? List.of()
            : features.l().stream().map(AttributeValue::s).toList(),
        Instant.parse(item.get("createdAt").s()),
        item.containsKey(STATUS)
            ? TenantStatus.valueOf(item.get(STATUS).s())
            : TenantStatus.ACTIVE); // tenants created before suspension existed
  }

  /**
   * Opaque page tokens: base64url of the table key a page ended with, a tenant id or a key item's
   * {@code {tenantId}#{keyId}}.
   */
  static final class PageTokens {
    private static final Pattern KEY_ITEM_SUFFIX = Pattern.compile("#key-[a-z0-9]{1,40}");

    private PageTokens() {}

    static String encode(String lastKey) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The table key a token carries, or empty when it is not a token this service issued. */
    static Optional<String> decode(String token) {
      try {
        String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int separator = key.indexOf('#');
        TenantId.of(separator < 0 ? key : key.substring(0, separator));
        return separator < 0 || KEY_ITEM_SUFFIX.matcher(key.substring(separator)).matches()
            ? Optional.of(key)
            : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
