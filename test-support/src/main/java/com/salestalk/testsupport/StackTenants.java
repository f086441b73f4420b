package com.salestalk.testsupport;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tenants written straight into a deployed stack's tenants table, for tests of tenant APIs. */
public final class StackTenants {

  private StackTenants() {}

  /**
   * Puts a new active tenant whose one API key has the hash {@code apiKeyHash} (service-kit's
   * {@code ApiKeys.hash(key)}) into the stack's tenants table.
   *
   * @return the new tenant's id, {@code tenant-} + 20 random characters
   */
  public static String create(TestStack stack, String apiKeyHash) {
    String tenantId = "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (DynamoDbClient dynamo = stack.aws().configure(DynamoDbClient.builder()).build()) {
      AwsResources.putTenant(dynamo, stack.output("TenantsTableName"), tenantId, apiKeyHash);
    }
    return tenantId;
  }
}
