/**
 * The chat API: a message in a session, understood and answered, recorded in the session's
 * transcript with its events through the outbox in one transaction.
 */
package com.salestalk.chathandler.chat;
