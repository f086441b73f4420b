package com.salestalk.testsupport;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue of a {@link TestStack} that receives every SalesTalk event published on its bus. Each
 * event comes as EventBridge delivers it: {@code detail-type}, {@code source} and the envelope in
 * {@code detail}. Receiving deletes, so every test sees only what was published after the previous
 * receive.
 */
public final class Tap {

  private final SqsClient sqs;
  private final String url;

  Tap(SqsClient sqs, String url) {
    this.sqs = sqs;
    this.url = url;
  }

  /** The queue's URL. */
  public String url() {
    return url;
  }

  /** The events in the queue now (none when nothing arrived yet). */
  public List<JsonNode> drain() {
    return events(AwsResources.drain(sqs, url));
  }

  /** Waits until at least {@code expected} events arrived (30 s at most) and returns them all. */
  public List<JsonNode> receive(int expected) {
    return events(AwsResources.receive(sqs, url, expected));
  }

  /**
   * Waits until {@code expected} events arrived, then fails if another arrives in the next 1.5 s.
   */
  public List<JsonNode> receiveExactly(int expected) {
    return events(AwsResources.receiveExactly(sqs, url, expected));
  }

  /** Fails if any event arrives within 1.5 s. */
  public void assertNothingPublished() {
    receiveExactly(0);
  }

  private static List<JsonNode> events(List<Message> messages) {
    return messages.stream().map(m -> JsonMapper.shared().readTree(m.body())).toList();
  }
}
