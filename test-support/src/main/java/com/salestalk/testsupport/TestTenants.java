package com.salestalk.testsupport;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenants written straight into a deployed stack's tenants table, for the tests of a service with
 * tenant API-key endpoints: service-kit's lookup then accepts the key whose hash is given.
 */
public final class TestTenants {

  private TestTenants() {}

  /**
   * Puts a new tenant whose one API key has {@code apiKeyHash} (service-kit's {@code
   * ApiKeys.hash(key)} of a key from {@code ApiKeys.generate()}).
   *
   * @return the tenant's id, {@code tenant-} and 20 hex digits
   */
  public static String create(TestStack stack, String apiKeyHash) {
    String tenantId = "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (DynamoDbClient dynamo = stack.aws().configure(DynamoDbClient.builder()).build()) {
      dynamo.putItem(
          b ->
              b.tableName(stack.output("TenantsTableName"))
                  .item(
                      Map.of(
                          "tenantId", AttributeValue.fromS(tenantId),
                          "name", AttributeValue.fromS("IT " + tenantId),
                          "apiKeyHash", AttributeValue.fromS(apiKeyHash))));
    }
    return tenantId;
  }
}
