package com.salestalk.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS resources for tests that need a table or a queue rather than the whole {@link TestStack}, as
 * docs/DATA_CONTRACTS.md and docs/ARCHITECTURE.md#reliability describe them (the CloudFormation
 * template is infra's), under unique names so tests also work against a long-lived {@code
 * AWS_ENDPOINT_URL}; and SQS receive/drain helpers that delete what they receive.
 */
public final class AwsResources {

  private AwsResources() {}

  /** {@code base-xxxxxxxx}. */
  public static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The {@code {env}-outbox} table: hash {@code id}, GSI {@code statusShard-nextAttemptAt} (hash
   * {@code statusShard}, range {@code nextAttemptAt}, INCLUDE {@code source}, {@code createdAt},
   * {@code attempts}).
   */
  public static void createOutboxTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
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

  /** The {@code {env}-idempotency} table: hash {@code key}. */
  public static void createIdempotencyTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("key", ScalarAttributeType.S))
                .keySchema(key("key", KeyType.HASH)));
  }

  /**
   * The {@code {env}-tenants} table: hash {@code tenantId} (tenant items {@code tenant-…} and their
   * API-key items {@code tenant-…#key-…}), GSI {@code apiKeyHash-index} on {@code apiKeyHash}
   * (ALL).
   */
  public static void createTenantsTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute("tenantId", ScalarAttributeType.S),
                    attribute("apiKeyHash", ScalarAttributeType.S))
                .keySchema(key("tenantId", KeyType.HASH))
                .globalSecondaryIndexes(
                    index("apiKeyHash-index", key("apiKeyHash", KeyType.HASH))));
  }

  /**
   * A tenant item in a tenants table, as tenant-onboard writes one, with the hash of its API key
   * (service-kit's {@code ApiKeys.hash}), so a service's tests can call it as that tenant.
   */
  public static void putTenant(
      DynamoDbClient dynamo, String table, String tenantId, String apiKeyHash) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "tenantId", AttributeValue.fromS(tenantId),
                        "name", AttributeValue.fromS("test " + tenantId),
                        "apiKeyHash", AttributeValue.fromS(apiKeyHash))));
  }

  /** A plain table with a string hash key, for a service's own items. */
  public static void createTable(DynamoDbClient dynamo, String name, String hashKey) {
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(hashKey, ScalarAttributeType.S))
                .keySchema(key(hashKey, KeyType.HASH)));
  }

  /**
   * A queue and its DLQ.
   *
   * @param url the queue
   * @param arn the queue's ARN
   * @param dlqUrl the dead-letter queue
   * @param dlqName the dead-letter queue's name
   */
  public record QueueWithDlq(String url, String arn, String dlqUrl, String dlqName) {}

  /** A queue whose messages move to its DLQ after {@code maxReceiveCount} receives. */
  public static QueueWithDlq createQueueWithDlq(
      SqsClient sqs, String name, int maxReceiveCount, int visibilityTimeoutSeconds) {
    String dlqName = name + "-dlq";
    String dlqUrl =
        sqs.createQueue(
                b ->
                    b.queueName(dlqName)
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
            .queueUrl();
    String dlqArn = arn(sqs, dlqUrl);
    String url =
        sqs.createQueue(
                b ->
                    b.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + dlqArn
                                    + "\",\"maxReceiveCount\":\""
                                    + maxReceiveCount
                                    + "\"}")))
            .queueUrl();
    return new QueueWithDlq(url, arn(sqs, url), dlqUrl, dlqName);
  }

  /** The bus and one rule sending events matching {@code pattern} to the queue. */
  public static void routeToQueue(
      EventBridgeClient events, String bus, String rule, String pattern, String queueArn) {
    events.createEventBus(b -> b.name(bus));
    events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(pattern));
    events.putTargets(
        b -> b.rule(rule).eventBusName(bus).targets(t -> t.id("queue").arn(queueArn)));
  }

  /** The queue's ARN. */
  public static String arn(SqsClient sqs, String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  /** Receives (and deletes) messages until {@code expected} arrived; fails after 30 s. */
  public static List<Message> receive(SqsClient sqs, String url, int expected) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> drainOnce(sqs, url, received) >= expected);
    return received;
  }

  /**
   * Receives (and deletes) {@code expected} messages like {@link #receive}, then fails unless no
   * further message arrives for 1.5 s.
   */
  public static List<Message> receiveExactly(SqsClient sqs, String url, int expected) {
    List<Message> received = receive(sqs, url, expected);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> drainOnce(sqs, url, received) == expected);
    return received;
  }

  /** The envelope's eventId in a message EventBridge delivered ({@code detail.eventId}). */
  public static String detailEventId(Message message) {
    return JsonMapper.shared().readTree(message.body()).path("detail").path("eventId").asString();
  }

  /** Receives and deletes every message in the queue now, batch after batch until none is left. */
  public static List<Message> drain(SqsClient sqs, String url) {
    List<Message> received = new ArrayList<>();
    int before;
    do {
      before = received.size();
    } while (drainOnce(sqs, url, received) > before);
    return received;
  }

  /** Receives and deletes what is there now; returns the total received so far. */
  public static int drainOnce(SqsClient sqs, String url, List<Message> received) {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    if (!messages.isEmpty()) {
      received.addAll(messages);
      sqs.deleteMessageBatch(
          b ->
              b.queueUrl(url)
                  .entries(
                      messages.stream()
                          .map(
                              m ->
                                  DeleteMessageBatchRequestEntry.builder()
                                      .id(m.messageId())
                                      .receiptHandle(m.receiptHandle())
                                      .build())
                          .toList()));
    }
    return received.size();
  }

  /** Messages currently in the queue (visible), as SQS approximates them. */
  public static int visibleMessages(SqsClient sqs, String url) {
    return Integer.parseInt(
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  /** A global secondary index projecting every attribute. */
  private static GlobalSecondaryIndex index(String name, KeySchemaElement... keys) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(keys)
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
