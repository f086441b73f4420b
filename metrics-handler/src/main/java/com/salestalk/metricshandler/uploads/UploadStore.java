package com.salestalk.metricshandler.uploads;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The {@code {env}-uploads} table (DATA_CONTRACTS.md): one item per upload ({@code uploadId} {@code
 * upl-…}) and one per distinct file of a tenant ({@code uploadId} {@code sha256#…}, pointing at the
 * first upload of that content).
 */
final class UploadStore {

  static final String TENANT = "tenantId";
  static final String ID = "uploadId";
  static final String SHA_PREFIX = "sha256#";

  private final DynamoDbClient dynamoDb;
  private final String table;

  UploadStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The put of a new upload, failing if the id exists. */
  TransactWriteItem putNew(Upload upload) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TENANT, s(upload.tenant().value()));
    item.put(ID, s(upload.id()));
    item.put("fileName", s(upload.fileName()));
    item.put("sha256", s(upload.sha256()));
    item.put("byteSize", n(upload.byteSize()));
    item.put("rowCount", n(upload.rowCount()));
    item.put("acceptedRows", n(upload.acceptedRows()));
    item.put("rejectedRows", n(upload.rejectedRows()));
    item.put(
        "rejections",
        AttributeValue.fromL(
            upload.rejections().stream()
                .map(r -> AttributeValue.fromM(Map.of("row", n(r.row()), "reason", s(r.reason()))))
                .toList()));
    item.put(
        "metrics", AttributeValue.fromL(upload.metrics().stream().map(UploadStore::s).toList()));
    item.put(
        "dimensions",
        AttributeValue.fromL(upload.dimensions().stream().map(UploadStore::s).toList()));
    if (upload.periodStart() != null) {
      item.put("periodStart", s(upload.periodStart()));
      item.put("periodEnd", s(upload.periodEnd()));
    }
    item.put("rawKey", s(upload.rawKey()));
    item.put("rowsKey", s(upload.rowsKey()));
    item.put("createdAt", s(upload.createdAt().toString()));
    return putIfAbsent(item);
  }

  /**
   * The put of the marker that the tenant's file with this SHA-256 is stored, as {@code upload}.
   */
  TransactWriteItem putContent(TenantId tenant, String sha256, String uploadId) {
    return putIfAbsent(
        Map.of(
            TENANT, s(tenant.value()), ID, s(SHA_PREFIX + sha256), "firstUploadId", s(uploadId)));
  }

  /** The upload that first stored this content for the tenant. */
  Optional<String> findByContent(TenantId tenant, String sha256) {
    return item(tenant, SHA_PREFIX + sha256).map(item -> item.get("firstUploadId").s());
  }

  Optional<Upload> find(TenantId tenant, String id) {
    if (!id.startsWith(UploadIds.PREFIX)) {
      return Optional.empty();
    }
    return item(tenant, id).map(UploadStore::fromItem);
  }

  /**
   * One page of the tenant's uploads, newest first.
   *
   * @param after the last upload id of the previous page, or null for the first page
   */
  Page page(TenantId tenant, int size, String after) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#t = :t AND begins_with(#id, :prefix)")
            .expressionAttributeNames(Map.of("#t", TENANT, "#id", ID))
            .expressionAttributeValues(
                Map.of(":t", s(tenant.value()), ":prefix", s(UploadIds.PREFIX)))
            .scanIndexForward(false)
            .limit(size);
    if (after != null) {
      query.exclusiveStartKey(Map.of(TENANT, s(tenant.value()), ID, s(after)));
    }
    QueryResponse response = dynamoDb.query(query.build());
    List<Upload> uploads = new ArrayList<>();
    response.items().forEach(item -> uploads.add(fromItem(item)));
    String next = null;
    if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      next = response.lastEvaluatedKey().get(ID).s();
    }
    return new Page(uploads, next);
  }

  /**
   * @param uploads newest first
   * @param lastId the id to continue after, or null on the last page
   */
  record Page(List<Upload> uploads, String lastId) {}

  private Optional<Map<String, AttributeValue>> item(TenantId tenant, String id) {
    GetItemResponse response =
        dynamoDb.getItem(
            g ->
                g.tableName(table)
                    .key(Map.of(TENANT, s(tenant.value()), ID, s(id)))
                    .consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
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

  private static Upload fromItem(Map<String, AttributeValue> item) {
    AttributeValue start = item.get("periodStart");
    AttributeValue end = item.get("periodEnd");
    return new Upload(
        TenantId.of(item.get(TENANT).s()),
        item.get(ID).s(),
        item.get("fileName").s(),
        item.get("sha256").s(),
        Long.parseLong(item.get("byteSize").n()),
        Long.parseLong(item.get("rowCount").n()),
        Long.parseLong(item.get("acceptedRows").n()),
        Long.parseLong(item.get("rejectedRows").n()),
        item.get("rejections").l().stream()
            .map(
                r ->
                    new MetricsCsv.Rejection(
                        Long.parseLong(r.m().get("row").n()), r.m().get("reason").s()))
            .toList(),
        item.get("metrics").l().stream().map(AttributeValue::s).toList(),
        item.get("dimensions").l().stream().map(AttributeValue::s).toList(),
        start == null ? null : start.s(),
        end == null ? null : end.s(),
        item.get("rawKey").s(),
        item.get("rowsKey").s(),
        Instant.parse(item.get("createdAt").s()));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
