package com.salestalk.eventaws.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** An in-memory EventBridge client for unit tests: records requests, answers by a script. */
final class ScriptedEventBridge implements EventBridgeClient {

  final List<PutEventsRequest> requests = new ArrayList<>();
  private final List<Function<PutEventsRequest, PutEventsResponse>> script = new ArrayList<>();

  /** Answers the next call with {@code answer}; calls beyond the script all succeed. */
  ScriptedEventBridge then(Function<PutEventsRequest, PutEventsResponse> answer) {
    script.add(answer);
    return this;
  }

  @Override
  public PutEventsResponse putEvents(PutEventsRequest request) {
    requests.add(request);
    int call = requests.size() - 1;
    return call < script.size() ? script.get(call).apply(request) : success(request);
  }

  static PutEventsResponse success(PutEventsRequest request) {
    List<PutEventsResultEntry> entries = new ArrayList<>();
    for (int i = 0; i < request.entries().size(); i++) {
      entries.add(PutEventsResultEntry.builder().eventId("eb-" + i).build());
    }
    return PutEventsResponse.builder().failedEntryCount(0).entries(entries).build();
  }

  /** Fails the entries at {@code indexes} of the request with {@code code}; the others succeed. */
  static Function<PutEventsRequest, PutEventsResponse> failing(String code, int... indexes) {
    return request -> {
      List<PutEventsResultEntry> entries = new ArrayList<>();
      int failed = 0;
      for (int i = 0; i < request.entries().size(); i++) {
        boolean fail = false;
        for (int index : indexes) {
          fail |= index == i;
        }
        if (fail) {
          failed++;
          entries.add(
              PutEventsResultEntry.builder().errorCode(code).errorMessage(code + " #" + i).build());
        } else {
          entries.add(PutEventsResultEntry.builder().eventId("eb-" + i).build());
        }
      }
      return PutEventsResponse.builder().failedEntryCount(failed).entries(entries).build();
    };
  }

  /** The detail-types of every entry of call {@code call}. */
  List<String> detailTypes(int call) {
    return requests.get(call).entries().stream().map(e -> e.detailType()).toList();
  }

  @Override
  public String serviceName() {
    return "events";
  }

  @Override
  public void close() {}
}
