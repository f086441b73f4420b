package com.salestalk.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * For the integration test of a consumer app ({@code @Import(ConsumerFaults.class)} next to {@link
 * ServiceIntegrationTest}): handler failures the test plans, and redeliveries within seconds.
 *
 * <ul>
 *   <li>a {@link TransactionFaults} bean for the transactions that write the table of the stack
 *       output named by {@value #TABLE_OUTPUT} (e.g. {@code InsightsTableName}): a planned {@code
 *       conflict()} fails the next completion of an event whose effect writes that table, as
 *       DynamoDB fails a transaction that meets another one, so SQS redelivers the message;
 *   <li>the service's {@link DynamoDbClient} with those faults;
 *   <li>the visibility timeout of the queue of {@code salestalk.consumer.name} set to {@code
 *       salestalk.consumer.lease} ({@link ShortRedelivery}), so a failed message comes back after
 *       the lease instead of the template's 60 s and reaches the DLQ after {@code MaxReceiveCount}
 *       (5) receives. Set a short lease in the test, e.g. {@code salestalk.consumer.lease=2s}.
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ShortRedelivery.class)
public class ConsumerFaults {

  /** The property naming the stack output of the table whose transactions fail when planned. */
  public static final String TABLE_OUTPUT = "salestalk.test.faults-table-output";

  /** The faults the test plans. */
  @Bean
  public TransactionFaults transactionFaults(TestStack stack, Environment environment) {
    return new TransactionFaults(stack.output(environment.getRequiredProperty(TABLE_OUTPUT)));
  }

  /** The service's DynamoDB client, with the faults. */
  @Bean(destroyMethod = "close")
  public DynamoDbClient dynamoDbClient(TestStack stack, TransactionFaults transactionFaults) {
    return transactionFaults.client(stack.aws());
  }
}
