package com.salestalk.testsupport;

import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** Variations of sample events, and the SQS bodies EventBridge rules deliver for them. */
public final class TestEvents {

  private TestEvents() {}

  /** {@code event} with {@code edit} applied to a copy of its data; every other field kept. */
  public static EventEnvelope withData(EventEnvelope event, Consumer<ObjectNode> edit) {
    ObjectNode data = event.data().deepCopy();
    edit.accept(data);
    return new EventEnvelope(
        event.eventId(),
        event.eventType(),
        event.eventVersion(),
        event.source(),
        event.timestamp(),
        event.tenantId(),
        event.userId(),
        event.sessionId(),
        event.metadata(),
        data);
  }

  /** The body EventBridge delivers to SQS through a rule (moto omits {@code account}). */
  public static String eventBridgeBody(String detailType, String source, String detailJson) {
    return "{\"version\":\"0\",\"id\":\"6f2a\",\"detail-type\":\""
        + detailType
        + "\",\"source\":\""
        + source
        + "\",\"time\":\"2026-11-26T10:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":"
        + detailJson
        + "}";
  }

  /** The body EventBridge delivers for {@code event} as its producer published it. */
  public static String eventBridgeBody(EventEnvelope event) {
    return eventBridgeBody(
        event.eventType().toString(),
        EventEnvelope.EVENT_BRIDGE_SOURCE_PREFIX + event.source(),
        EnvelopeJson.toJson(event));
  }
}
