package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.testsupport.AwsResources;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The API-key lookup through the tenants table's {@code apiKeyHash-index}, on the emulator. */
@AwsEmulatorTest
class DynamoDbTenantApiKeyLookupIT {

  private static final String TABLE = AwsResources.unique("it-tenants");
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void table(AwsEndpoint aws) {
    dynamoDb = aws.configure(DynamoDbClient.builder()).build();
    AwsResources.createTenantsTable(dynamoDb, TABLE);
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  private static void put(String tenantId, String apiKey) {
    dynamoDb.putItem(
        b ->
            b.tableName(TABLE)
                .item(
                    Map.of(
                        "tenantId", AttributeValue.fromS(tenantId),
                        "apiKeyHash", AttributeValue.fromS(ApiKeys.hash(apiKey)))));
  }

  @Test
  void findsTheTenantOfAKeyAndNoneForOtherKeys() {
    String keyA = ApiKeys.generate();
    String keyB = ApiKeys.generate();
    put("tenant-alpha", keyA);
    put("tenant-beta", keyB);
    DynamoDbTenantApiKeyLookup lookup =
        new DynamoDbTenantApiKeyLookup(dynamoDb, TABLE, "apiKeyHash-index");

    assertThat(lookup.tenantFor(ApiKeys.hash(keyA))).contains(TenantId.of("tenant-alpha"));
    assertThat(lookup.tenantFor(ApiKeys.hash(keyB))).contains(TenantId.of("tenant-beta"));
    assertThat(lookup.tenantFor(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
  }

  @Test
  void aMalformedStoredIdIsTreatedAsUnknown() {
    String key = ApiKeys.generate();
    put("not a tenant id", key);
    DynamoDbTenantApiKeyLookup lookup =
        new DynamoDbTenantApiKeyLookup(dynamoDb, TABLE, "apiKeyHash-index");
    assertThat(lookup.tenantFor(ApiKeys.hash(key))).isEmpty();
  }
}
