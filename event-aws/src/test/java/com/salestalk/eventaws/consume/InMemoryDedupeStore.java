package com.salestalk.eventaws.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A dedupe store in a map (key to {@code DONE} or the lease owner), for unit tests. */
final class InMemoryDedupeStore implements DedupeStore {

  static final String DONE = "DONE";

  final Map<String, String> stateByKey = new ConcurrentHashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<TransactWriteItem> committed = new ArrayList<>();

  /** Thrown by the next completions instead of completing, if set. */
  RuntimeException completionFailure;

  @Override
  public Claim claim(Lease lease) {
    calls.add("claim " + lease.key());
    String state = stateByKey.putIfAbsent(lease.key(), lease.owner());
    if (state == null) {
      return Claim.CLAIMED;
    }
    return DONE.equals(state) ? Claim.DONE : Claim.BUSY;
  }

  @Override
  public boolean extend(Lease lease) {
    calls.add("extend " + lease.key());
    return lease.owner().equals(stateByKey.get(lease.key()));
  }

  @Override
  public void complete(Lease lease, List<TransactWriteItem> effects) {
    calls.add("complete " + lease.key());
    if (completionFailure != null) {
      throw completionFailure;
    }
    if (!stateByKey.replace(lease.key(), lease.owner(), DONE)) {
      throw new LeaseLostException(lease.key(), null);
    }
    committed.addAll(effects);
  }

  @Override
  public void release(Lease lease) {
    calls.add("release " + lease.key());
    stateByKey.remove(lease.key(), lease.owner());
  }
}
