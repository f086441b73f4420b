package com.salestalk.chathandler.chat;

/**
 * A message the user sends.
 *
 * @param sessionId the session it continues, or null to start one
 * @param message the question
 */
record MessageRequest(String sessionId, String message) {}
