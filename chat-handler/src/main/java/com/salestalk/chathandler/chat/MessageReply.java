package com.salestalk.chathandler.chat;

import com.salestalk.chathandler.answering.MetricUsed;
import com.salestalk.chathandler.understanding.Entity;
import com.salestalk.eventcontracts.events.Intent;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a message.
 *
 * @param sessionId the session (new when the request named none)
 * @param messageId the message
 * @param intent what the message asks for
 * @param confidence the intent's share of all scores, 0..1
 * @param entities what was taken from which words
 * @param narrative the answer
 * @param metricsUsed the figures the narrative quotes
 * @param grounded whether every number of the narrative is one of them (computed)
 * @param correlationId the flow of the message's events
 */
record MessageReply(
    String sessionId,
    String messageId,
    Intent intent,
    double confidence,
    List<Entity> entities,
    String narrative,
    List<MetricUsed> metricsUsed,
    boolean grounded,
    UUID correlationId) {}
