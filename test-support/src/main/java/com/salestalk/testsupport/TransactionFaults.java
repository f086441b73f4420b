package com.salestalk.testsupport;

import com.salestalk.awsemulator.AwsEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Races for the {@code TransactWriteItems} calls of a real DynamoDB client that write one table
 * ({@link #client}, or {@code overrideConfiguration(c -> c.addExecutionInterceptor(faults))}). The
 * emulator runs one request at a time, so two transactions are never in flight together there;
 * these faults recreate what DynamoDB does when they are. Each planned fault applies to the next
 * such call, in the order the calls arrive:
 *
 * <ul>
 *   <li>{@link #hold()}: the call waits, before it is sent, until {@link #release()}: a transaction
 *       in flight;
 *   <li>{@link #conflict()}: the call is not sent and fails as DynamoDB fails a transaction that
 *       meets another one in flight on the same item: {@code TransactionCanceledException}, HTTP
 *       400, cancellation reason {@code TransactionConflict} for the items of the table and {@code
 *       None} for the others. Nothing of it is written, as on AWS.
 * </ul>
 */
public final class TransactionFaults implements ExecutionInterceptor {

  private enum Fault {
    HOLD,
    CONFLICT
  }

  private final String table;
  private final Queue<Fault> planned = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch held = new CountDownLatch(1);
  private volatile CountDownLatch released = new CountDownLatch(1);

  /**
   * @param table only transactions that write this table are affected
   */
  public TransactionFaults(String table) {
    this.table = table;
  }

  /** A DynamoDB client of the endpoint with these faults. */
  public DynamoDbClient client(AwsEndpoint aws) {
    return aws.configure(DynamoDbClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(this))
        .build();
  }

  /** The next transaction that writes the table waits until {@link #release()}. */
  public TransactionFaults hold() {
    held = new CountDownLatch(1);
    released = new CountDownLatch(1);
    planned.add(Fault.HOLD);
    return this;
  }

  /** The next transaction that writes the table is cancelled with {@code TransactionConflict}. */
  public TransactionFaults conflict() {
    planned.add(Fault.CONFLICT);
    return this;
  }

  /** Waits (10 s at most) until a transaction is held. */
  public void awaitHeld() throws InterruptedException {
    if (!held.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no transaction writing " + table + " arrived within 10 s");
    }
  }

  /** Lets the held transaction go on. */
  public void release() {
    released.countDown();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof TransactWriteItemsRequest request)
        || request.transactItems().stream().noneMatch(this::writesTable)) {
      return;
    }
    Fault fault = planned.poll();
    if (fault == Fault.HOLD) {
      held.countDown();
      try {
        if (!released.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("held transaction not released within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } else if (fault == Fault.CONFLICT) {
      throw conflict(request);
    }
  }

  private TransactionCanceledException conflict(TransactWriteItemsRequest request) {
    List<CancellationReason> reasons = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (TransactWriteItem item : request.transactItems()) {
      boolean conflicting = writesTable(item);
      String code = conflicting ? "TransactionConflict" : "None";
      codes.add(code);
      reasons.add(
          CancellationReason.builder()
              .code(code)
              .message(conflicting ? "Transaction is ongoing for the item" : null)
              .build());
    }
    String message =
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes;
    return (TransactionCanceledException)
        TransactionCanceledException.builder()
            .message(message)
            .cancellationReasons(reasons)
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("TransactionCanceledException")
                    .errorMessage(message)
                    .serviceName("DynamoDb")
                    .build())
            .build();
  }

  private boolean writesTable(TransactWriteItem item) {
    String target =
        item.put() != null
            ? item.put().tableName()
            : item.update() != null
                ? item.update().tableName()
                : item.delete() != null
                    ? item.delete().tableName()
                    : item.conditionCheck().tableName();
    return table.equals(target);
  }
}
