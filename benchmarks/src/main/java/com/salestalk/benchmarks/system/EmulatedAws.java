package com.salestalk.benchmarks.system;

import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.awsemulator.MotoServer;
import com.salestalk.testsupport.AwsResources;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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

  /** The {@code {env}-idempotency} table, as test-support creates it; returns its name. */
  static String createIdempotencyTable(DynamoDbClient dynamo) {
    String name = AwsResources.unique("bench-idempotency");
    AwsResources.createIdempotencyTable(dynamo, name);
    return name;
  }

  /** The {@code {env}-outbox} table, as test-support creates it; returns its name. */
  static String createOutboxTable(DynamoDbClient dynamo) {
    String name = AwsResources.unique("bench-outbox");
    AwsResources.createOutboxTable(dynamo, name);
    return name;
  }

  /** A consumer queue whose messages move to its DLQ after 3 receives; returns its URL. */
  static String createQueueWithDlq(SqsClient sqs) {
    return AwsResources.createQueueWithDlq(sqs, AwsResources.unique("bench-consumer"), 3, 60).url();
  }

  /** A bus without rules: what it costs to route is EventBridge's, not the kit's. */
  static String createBus(EventBridgeClient events) {
    String name = AwsResources.unique("bench-bus");
    events.createEventBus(b -> b.name(name));
    return name;
  }

  @Override
  public void close() {
    if (moto != null) {
      moto.close();
    }
  }
}
