package com.salestalk.eventcontracts.events;

import static com.salestalk.eventcontracts.events.Components.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The data of {@code conversation.completed.v1}: a chat session ended, by the user or by idle
 * timeout.
 *
 * @param startedAt date-time the session started, as sent (RFC 3339)
 * @param endedAt date-time it ended, as sent (RFC 3339)
 * @param durationMs how long it lasted
 * @param messageCount messages the user sent
 * @param intents how many messages had each intent
 * @param completionReason why it ended
 * @param feedback the user's rating, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventContract("conversation.completed.v1")
public record ConversationCompleted(
    String startedAt,
    String endedAt,
    long durationMs,
    long messageCount,
    // read into insertion order, so data keeps the order it was sent in (not enum order)
    @JsonDeserialize(as = LinkedHashMap.class) Map<Intent, Long> intents,
    CompletionReason completionReason,
    Feedback feedback)
    implements EventPayload {

  /** Requires every property the schema requires. */
  public ConversationCompleted {
    required(startedAt, "startedAt");
    required(endedAt, "endedAt");
    intents = Components.copyOf(required(intents, "intents"));
    required(completionReason, "completionReason");
  }

  /**
   * The user's rating of a session.
   *
   * @param rating 1 to 5
   * @param comment free text, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Feedback(int rating, String comment) {}
}
