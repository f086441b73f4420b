package com.salestalk.chathandler.chat;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chat API (docs/chat-handler.md). Tenant API key only; a tenant sees only its sessions. */
@RestController
@TenantApi
@RequestMapping(path = ChatController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {

  static final String BASE = "/api/v1/chat";

  private final Conversations conversations;

  ChatController(Conversations conversations) {
    this.conversations = conversations;
  }

  /** A message: a new session without {@code sessionId}, else the next one of that session. */
  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  MessageReply post(
      @AuthenticatedTenant TenantId tenant,
      Flow flow,
      @RequestHeader(name = "X-User-Id", required = false) String userId,
      @RequestBody MessageRequest request) {
    return conversations.post(tenant, flow, userId, request);
  }
}
