package com.salestalk.benchmarks.system;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.awsemulator.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The endpoint the drivers load: {@code AWS_ENDPOINT_URL} (or {@code aws.endpointUrl}) when set,
 * else a moto server started here and stopped on {@link #close()}. Creates the tables, queues and
 * bus of docs/DATA_CONTRACTS.md under unique names, so a long-lived endpoint can be used too.
 *
 * @param endpoint where the clients go
 * @param moto the server started here, or null for an external endpoint
 */
record EmulatedAws(AwsEndpoint endpoint, MotoServer moto) implements AutoCloseable {

  static EmulatedAws start() {
    return AwsEndpoint.fromEnvironment()
        .map(external -> new EmulatedAws(external, null))
        .orElseGet(
            () -> {
              MotoServer moto = MotoServer.start();
              return new EmulatedAws(AwsEndpoint.forEmulator(moto.endpoint()), moto);
            });
  }

  /** Where the load goes, for the result header. */
  String describe() {
    return moto == null
        ? "AWS_ENDPOINT_URL " + endpoint.uri()
        : "moto at " + endpoint.uri() + " (started by this driver)";
  }

  DynamoDbClient dynamo(ExecutionInterceptor... interceptors) {
    return endpoint
        .configure(DynamoDbClient.builder())
        .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
        .build();
  }

  SqsClient sqs() {
    return endpoint.configure(SqsClient.builder()).build();
  }

  SqsAsyncClient sqsAsync() {
    return endpoint.configure(SqsAsyncClient.builder()).build();
  }

  EventBridgeClient events(ExecutionInterceptor... interceptors) {
    return endpoint
        .configure(EventBridgeClient.builder())
        .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
        .build();
  }

  static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The {@code {env}-idempotency} table: hash {@code key}. */
  static String createIdempotencyTable(DynamoDbClient dynamo) {
    return createTable(
        dynamo,
        "bench-idempotency",
        b ->
            b.attributeDefinitions(attribute("key", ScalarAttributeType.S))
                .keySchema(key("key", KeyType.HASH)));
  }

  /**
   * The {@code {env}-outbox} table: hash {@code id}, GSI {@code statusShard-nextAttemptAt} (INCLUDE
   * source, createdAt, attempts), as infra/template.yaml creates it.
   */
  static String createOutboxTable(DynamoDbClient dynamo) {
    return createTable(
        dynamo,
        "bench-outbox",
        b ->
            b.attributeDefinitions(
                    attribute("id", ScalarAttributeType.S),
                    attribute("statusShard", ScalarAttributeType.S),
                    attribute("nextAttemptAt", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("statusShard-nextAttemptAt")
                        .keySchema(
                            key("statusShard", KeyType.HASH), key("nextAttemptAt", KeyType.RANGE))
                        .projection(
                            Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("source", "createdAt", "attempts")
                                .build())
                        .build()));
  }

  private static String createTable(
      DynamoDbClient dynamo, String base, Consumer<CreateTableRequest.Builder> layout) {
    String name = unique(base);
    dynamo.createTable(
        b -> layout.accept(b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)));
    return name;
  }

  /** A consumer queue whose messages move to its DLQ after 3 receives; returns its URL. */
  static String createQueueWithDlq(SqsClient sqs) {
    String name = unique("bench-consumer");
    String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}";
    return sqs.createQueue(
            b ->
                b.queueName(name)
                    .attributes(
                        Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            "60",
                            QueueAttributeName.REDRIVE_POLICY,
                            redrive)))
        .queueUrl();
  }

  /** A bus without rules: what it costs to route is EventBridge's, not the kit's. */
  static String createBus(EventBridgeClient events) {
    String name = unique("bench-bus");
    events.createEventBus(b -> b.name(name));
    return name;
  }

  @Override
  public void close() {
    if (moto != null) {
      moto.close();
    }
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
