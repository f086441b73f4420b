package com.salestalk.chathandler.chat;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.problem.FieldViolation;
import com.salestalk.servicekit.problem.ProblemException;
import com.salestalk.servicekit.problem.ProblemTypes;
import com.salestalk.servicekit.problem.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chat API (docs/chat-handler.md). Tenant API key only; a tenant sees only its sessions. */
@RestController
@TenantApi
@RequestMapping(path = ChatController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {

  static final String BASE = "/api/v1/chat";
  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_COMMENT_LENGTH = 2000;

  private final Conversations conversations;
  private final SessionStore sessions;
  private final SessionCompletion completion;

  ChatController(Conversations conversations, SessionStore sessions, SessionCompletion completion) {
    this.conversations = conversations;
    this.sessions = sessions;
    this.completion = completion;
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

  /** A session of the tenant with its transcript, oldest message first. */
  @GetMapping("/sessions/{sessionId}")
  SessionStore.Transcript transcript(
      @AuthenticatedTenant TenantId tenant, @PathVariable String sessionId) {
    return found(tenant, sessionId);
  }

  /** The tenant's sessions, newest first, without transcripts. */
  @GetMapping("/sessions")
  SessionPage sessions(
      @AuthenticatedTenant TenantId tenant,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String pageToken) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ProblemException.invalidParameter("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    SessionStore.Page page =
        sessions.page(tenant, size, pageToken == null ? null : decode(pageToken));
    return new SessionPage(page.sessions(), page.lastId() == null ? null : encode(page.lastId()));
  }

  /** The user ends a session, optionally rating it; {@code conversation.completed.v1} follows. */
  @PostMapping(path = "/sessions/{sessionId}/complete")
  SessionSummary complete(
      @AuthenticatedTenant TenantId tenant,
      Flow flow,
      @PathVariable String sessionId,
      @RequestBody(required = false) CompleteRequest request) {
    ConversationCompleted.Feedback feedback =
        request == null ? null : validFeedback(request.feedback());
    SessionStore.Transcript transcript = found(tenant, sessionId);
    SessionSummary completed =
        SessionStore.ACTIVE.equals(transcript.session().status())
            ? completion.complete(
                tenant, flow, transcript, CompletionReason.USER_ENDED, feedback, null)
            : null;
    if (completed == null) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          ProblemTypes.CONFLICT,
          "Session " + sessionId + " is already completed");
    }
    return completed;
  }

  private SessionStore.Transcript found(TenantId tenant, String sessionId) {
    return (Conversations.SESSION_ID.matcher(sessionId).matches()
            ? sessions.transcript(tenant, sessionId)
            : java.util.Optional.<SessionStore.Transcript>empty())
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "No session with id '"
                        + (sessionId.length() > 80 ? sessionId.substring(0, 80) + "…" : sessionId)
                        + "'"));
  }

  private static ConversationCompleted.Feedback validFeedback(CompleteRequest.Feedback feedback) {
    if (feedback == null) {
      return null;
    }
    if (feedback.rating() == null || feedback.rating() < 1 || feedback.rating() > 5) {
      throw new RequestValidationException(
          List.of(new FieldViolation("feedback.rating", "must be a whole number from 1 to 5")));
    }
    if (feedback.comment() != null && feedback.comment().length() > MAX_COMMENT_LENGTH) {
      throw new RequestValidationException(
          List.of(
              new FieldViolation(
                  "feedback.comment", "must be at most " + MAX_COMMENT_LENGTH + " characters")));
    }
    return new ConversationCompleted.Feedback(feedback.rating(), feedback.comment());
  }

  private static String encode(String sessionId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (Conversations.SESSION_ID.matcher(id).matches()) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // not base64url: refused below
    }
    throw ProblemException.invalidParameter("pageToken", "is not a token this API issued");
  }
}
