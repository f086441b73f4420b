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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The {@code {env}-tenants} table (DATA_CONTRACTS.md). */
final class TenantStore {

  private static final String ID = "tenantId";

  private final DynamoDbClient dynamoDb;
  private final String table;

  TenantStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The put of a new tenant, failing if the id exists, for the provisioning transaction. */
  TransactWriteItem putNew(Tenant tenant, String apiKeyHash) {
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
    item.put("apiKeyHash", AttributeValue.fromS(apiKeyHash));
    item.put("createdAt", AttributeValue.fromS(tenant.createdAt().toString()));
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
   * One page of a table scan.
   *
   * @param size most items
   * @param after the last tenant of the previous page, or null for the first page
   * @return the page and the token of the next, or null
   */
  Page page(int size, TenantId after) {
    ScanRequest.Builder scan = ScanRequest.builder().tableName(table).limit(size);
    if (after != null) {
      scan.exclusiveStartKey(Map.of(ID, AttributeValue.fromS(after.value())));
    }
    ScanResponse response = dynamoDb.scan(scan.build());
    List<Tenant> tenants = new ArrayList<>();
    response.items().forEach(item -> tenants.add(fromItem(item)));
    String next = null;
    if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      next = PageTokens.encode(TenantId.of(response.lastEvaluatedKey().get(ID).s()));
    }
    return new Page(tenants, next);
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
        Instant.parse(item.get("createdAt").s()));
  }

  /** Opaque page tokens: base64url of the last tenant id of a page. */
  static final class PageTokens {
    private PageTokens() {}

    static String encode(TenantId last) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(last.value().getBytes(StandardCharsets.UTF_8));
    }

    /** The tenant id a token carries, or empty when it is not a token this service issued. */
    static Optional<TenantId> decode(String token) {
      try {
        return Optional.of(
            TenantId.of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
