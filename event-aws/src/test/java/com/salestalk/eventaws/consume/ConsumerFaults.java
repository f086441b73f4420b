package com.salestalk.eventaws.consume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Observes and breaks a consumer's real SQS and DynamoDB clients talking to the emulator (added
 * with {@code overrideConfiguration(c -> c.addExecutionInterceptor(faults))}):
 *
 * <ul>
 *   <li>records the message ids of each ReceiveMessage that returned messages, counts the
 *       ChangeMessageVisibility calls that succeeded and the claims that found a lease held;
 *   <li>{@link #failDeletes(int)}: the next deletes of messages fail before they are sent (the
 *       acknowledgement is lost, the message stays in the queue);
 *   <li>{@link #loseResponseOfNextWriteTo(String)}: the next write to a table is committed by the
 *       emulator, then the client gets an error instead of its response, as when the process dies
 *       right after the write.
 * </ul>
 */
final class ConsumerFaults implements ExecutionInterceptor {

  private final List<List<String>> receives = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger visibilityChanges = new AtomicInteger();
  private final AtomicInteger heldLeasesFound = new AtomicInteger();
  private final AtomicInteger deletesToFail = new AtomicInteger();
  private volatile String loseResponseFrom;

  /** The next {@code count} message deletes fail. */
  void failDeletes(int count) {
    deletesToFail.set(count);
  }

  /** The next write to {@code table} is committed but its response is lost. */
  void loseResponseOfNextWriteTo(String table) {
    loseResponseFrom = table;
  }

  /** The message ids of each ReceiveMessage that returned messages, in order. */
  List<List<String>> receives() {
    synchronized (receives) {
      return List.copyOf(receives);
    }
  }

  /** ChangeMessageVisibility calls that succeeded. */
  int visibilityChanges() {
    return visibilityChanges.get();
  }

  /** Claims ({@code IN_PROGRESS} puts) refused because another delivery held the lease. */
  int heldLeasesFound() {
    return heldLeasesFound.get();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if ((request instanceof DeleteMessageBatchRequest || request instanceof DeleteMessageRequest)
        && deletesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw SdkClientException.create("injected: the delete of the message failed");
    }
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof ReceiveMessageResponse received && received.hasMessages()) {
      receives.add(received.messages().stream().map(Message::messageId).toList());
    } else if (response instanceof ChangeMessageVisibilityResponse) {
      visibilityChanges.incrementAndGet();
    }
    String table = loseResponseFrom;
    if (table != null && writesTo(context.request(), table)) {
      loseResponseFrom = null;
      throw SdkClientException.create("injected: the process died after the write to " + table);
    }
    return response;
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutItemRequest put
        && put.hasItem()
        && put.item().containsKey(DynamoDbDedupeStore.STATUS)
        && DynamoDbDedupeStore.IN_PROGRESS.equals(put.item().get(DynamoDbDedupeStore.STATUS).s())
        && context.exception() instanceof ConditionalCheckFailedException) {
      heldLeasesFound.incrementAndGet();
    }
  }

  private static boolean writesTo(SdkRequest request, String table) {
    if (request instanceof TransactWriteItemsRequest transaction) {
      return transaction.transactItems().stream().anyMatch(item -> table.equals(tableOf(item)));
    }
    if (request instanceof PutItemRequest put) {
      return table.equals(put.tableName());
    }
    return request instanceof UpdateItemRequest update && table.equals(update.tableName());
  }

  private static String tableOf(TransactWriteItem item) {
    if (item.put() != null) {
      return item.put().tableName();
    }
    if (item.update() != null) {
      return item.update().tableName();
    }
    if (item.delete() != null) {
      return item.delete().tableName();
    }
    return Objects.requireNonNull(item.conditionCheck()).tableName();
  }
}
