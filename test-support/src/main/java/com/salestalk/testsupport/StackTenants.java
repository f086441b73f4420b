package com.salestalk.testsupport;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenants in a deployed stack's tenants table, each with one API key, for the tests of services
 * that authenticate tenants: the tenant item holds the key's hash as tenant-onboard's first key
 * ({@code apiKeyHash}), which service-kit's key lookup accepts.
 */
public final class StackTenants {

  private StackTenants() {}

  /**
   * Writes a new tenant with one API key.
   *
   * @param stack the stack whose {@code TenantsTableName} gets the tenant
   * @param dynamo a client of the stack's endpoint
   * @param apiKeyHash the key's hash, {@code ApiKeys.hash(key)} of service-kit
   * @return the new tenant's id, {@code tenant-} and 20 random characters
   */
  public static String create(TestStack stack, DynamoDbClient dynamo, String apiKeyHash) {
    String tenantId = "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    dynamo.putItem(
        b ->
            b.tableName(stack.output("TenantsTableName"))
                .item(
                    Map.of(
                        "tenantId", AttributeValue.fromS(tenantId),
                        "name", AttributeValue.fromS("Test " + tenantId),
                        "apiKeyHash", AttributeValue.fromS(apiKeyHash))));
    return tenantId;
  }
}
