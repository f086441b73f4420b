package com.salestalk.tenantonboard.tenants;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.servicekit.idempotency.HttpIdempotency;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the tenants feature. */
@Configuration(proxyBeanMethods = false)
class TenantsConfiguration {

  @Bean
  TenantStore tenantStore(DynamoDbClient dynamoDb, TenantsProperties properties) {
    return new TenantStore(dynamoDb, properties.table());
  }

  @Bean
  ApiKeyStore apiKeyStore(DynamoDbClient dynamoDb, TenantsProperties properties) {
    return new ApiKeyStore(dynamoDb, properties.table());
  }

  @Bean
  TenantApiKeys tenantApiKeys(
      ApiKeyStore store,
      DynamoDbClient dynamoDb,
      HttpIdempotency idempotency,
      TenantsProperties properties,
      Clock clock) {
    return new TenantApiKeys(store, dynamoDb, idempotency, properties.apiKeyGrace(), clock);
  }

  @Bean
  TenantRequests tenantRequests(TenantsProperties properties) {
    return new TenantRequests(properties);
  }

  @Bean
  TenantProvisioning tenantProvisioning(
      TenantStore store,
      ApiKeyStore keys,
      Outbox outbox,
      HttpIdempotency idempotency,
      Clock clock) {
    return new TenantProvisioning(
        store,
        keys,
        outbox,
        idempotency,
        new EnvelopeFactory(TenantProvisioning.SERVICE, clock, EventCatalog.standard()),
        clock);
  }
}
