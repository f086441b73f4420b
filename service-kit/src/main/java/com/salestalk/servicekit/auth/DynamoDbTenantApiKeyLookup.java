package com.salestalk.servicekit.auth;

import com.salestalk.eventcontracts.envelope.TenantId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Looks the hash up in the tenants table's {@code apiKeyHash} index. */
final class DynamoDbTenantApiKeyLookup implements TenantApiKeyLookup {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbTenantApiKeyLookup.class);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String index;

  DynamoDbTenantApiKeyLookup(DynamoDbClient dynamoDb, String table, String index) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.index = index;
  }

  @Override
  public Optional<TenantId> tenantFor(String apiKeyHash) {
    QueryResponse response =
        dynamoDb.query(
            q ->
                q.tableName(table)
                    .indexName(index)
                    .keyConditionExpression("apiKeyHash = :h")
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(apiKeyHash)))
                    .projectionExpression("tenantId")
                    .limit(1));
    if (!response.hasItems() || response.items().isEmpty()) {
      return Optional.empty();
    }
    AttributeValue id = response.items().get(0).get("tenantId");
    if (id == null || id.s() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantId.of(id.s()));
    } catch (IllegalArgumentException e) {
      log.error("tenants table {} holds a malformed tenantId for an API key hash", table);
      return Optional.empty();
    }
  }
}
