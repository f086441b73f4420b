package com.salestalk.eventaws.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A dedupe store in a map, for unit tests. */
final class InMemoryDedupeStore implements DedupeStore {

  final Map<String, String> statusByKey = new ConcurrentHashMap<>();
  final List<String> calls = new ArrayList<>();

  @Override
  public Claim claim(String key) {
    calls.add("claim " + key);
    String status = statusByKey.get(key);
    if ("DONE".equals(status)) {
      return Claim.DONE;
    }
    if ("IN_PROGRESS".equals(status)) {
      return Claim.BUSY;
    }
    statusByKey.put(key, "IN_PROGRESS");
    return Claim.CLAIMED;
  }

  @Override
  public void complete(String key) {
    calls.add("complete " + key);
    statusByKey.put(key, "DONE");
  }

  @Override
  public void release(String key) {
    calls.add("release " + key);
    statusByKey.remove(key, "IN_PROGRESS");
  }
}
