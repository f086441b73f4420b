package com.salestalk.tenantonboard;

import com.salestalk.testsupport.TestStack;
import com.salestalk.testsupport.TransactionFaults;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The service's DynamoDB client, with races ({@link TransactionFaults}) for the transactions that
 * write the idempotency table ({@code idempotencyRaces}) and the tenants table ({@code
 * tenantsRaces}); no race happens unless a test plans one.
 */
@TestConfiguration(proxyBeanMethods = false)
class Races {

  @Bean
  TransactionFaults idempotencyRaces(TestStack stack) {
    return new TransactionFaults(stack.output("IdempotencyTableName"));
  }

  @Bean
  TransactionFaults tenantsRaces(TestStack stack) {
    return new TransactionFaults(stack.output("TenantsTableName"));
  }

  @Bean(destroyMethod = "close")
  DynamoDbClient dynamoDbClient(
      TestStack stack, TransactionFaults idempotencyRaces, TransactionFaults tenantsRaces) {
    return stack
        .aws()
        .configure(DynamoDbClient.builder())
        .overrideConfiguration(
            c -> c.addExecutionInterceptor(idempotencyRaces).addExecutionInterceptor(tenantsRaces))
        .build();
  }
}
