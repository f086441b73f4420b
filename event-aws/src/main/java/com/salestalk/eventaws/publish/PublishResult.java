package com.salestalk.eventaws.publish;

import java.util.List;

/**
 * What happened to each event of one publish call.
 *
 * @param published eventIds EventBridge accepted, in the order they were accepted
 * @param rejected events refused by validation; never sent
 * @param failed events EventBridge did not accept
 */
public record PublishResult(
    List<String> published, List<RejectedEvent> rejected, List<FailedEvent> failed) {

  /** Copies the lists. */
  public PublishResult {
    published = List.copyOf(published);
    rejected = List.copyOf(rejected);
    failed = List.copyOf(failed);
  }

  /** Whether every event was published. */
  public boolean allPublished() {
    return rejected.isEmpty() && failed.isEmpty();
  }
}
