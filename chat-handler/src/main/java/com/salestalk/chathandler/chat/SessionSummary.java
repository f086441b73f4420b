package com.salestalk.chathandler.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salestalk.eventcontracts.events.ConversationCompleted;

/**
 * A session without its transcript.
 *
 * @param sessionId the session
 * @param status {@code active} or {@code completed}
 * @param createdAt when its first message was answered (RFC 3339)
 * @param updatedAt its last change
 * @param messageCount messages in its transcript
 * @param completedAt when it was completed, or null while active
 * @param completionReason {@code user_ended} or {@code idle_timeout}, or null while active
 * @param feedback the user's rating given on completion, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionSummary(
    String sessionId,
    String status,
    String createdAt,
    String updatedAt,
    int messageCount,
    String completedAt,
    String completionReason,
    ConversationCompleted.Feedback feedback) {}
