package com.salestalk.chathandler.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.salestalk.chathandler.answering.CellReader;
import com.salestalk.chathandler.answering.MetricUsed;
import com.salestalk.chathandler.understanding.QuestionUnderstanding;
import com.salestalk.chathandler.understanding.UnderstandingProperties;
import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.ConversationCompleted;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.eventcontracts.events.NarrativeGenerated;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message API with service-kit's authentication and problem handling in front: the reply, the
 * transcript write and both events handed to the outbox in one call, and every refusal with its
 * exact problem and nothing written. The cells, the stores and the outbox are mocks.
 */
@WebMvcTest(
    controllers = ChatController.class,
    properties = {
      "salestalk.chat.table=slice-conversations",
      "salestalk.chat.tenants-table=slice-tenants",
      "salestalk.chat.cells-table=slice-cells"
    })
@Import(ChatControllerTest.Fakes.class)
@EnableConfigurationProperties(ChatProperties.class)
@ActiveProfiles("local")
class ChatControllerTest {

  static final String MESSAGES = "/api/v1/chat/messages";
  static final String API_KEY = ApiKeys.generate();
  static final TenantId TENANT = TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T13:00:00Z"), ZoneOffset.UTC);
  static final TransactWriteItem START = TransactWriteItem.builder().build();

  @TestConfiguration
  static class Fakes {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash -> hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TENANT) : Optional.empty();
    }

    @Bean
    SessionCompletion sessionCompletion(SessionStore sessions, Outbox outbox) {
      return new SessionCompletion(
          sessions,
          outbox,
          new EnvelopeFactory(Conversations.SERVICE, CLOCK, EventCatalog.standard()),
          CLOCK);
    }

    @Bean
    Conversations conversations(
        CellReader cells,
        TenantProfiles profiles,
        SessionStore sessions,
        Outbox outbox,
        ChatProperties properties) {
      return new Conversations(
          new QuestionUnderstanding(UnderstandingProperties.defaults(), CLOCK),
          cells,
          profiles,
          sessions,
          outbox,
          new EnvelopeFactory(Conversations.SERVICE, CLOCK, EventCatalog.standard()),
          properties,
          CLOCK);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean CellReader cells;
  @MockitoBean TenantProfiles profiles;
  @MockitoBean SessionStore sessions;
  @MockitoBean Outbox outbox;

  @BeforeEach
  void fakes() {
    when(cells.coverage(anyString())).thenReturn(Optional.empty());
    when(profiles.of(any())).thenReturn(TenantProfiles.DEFAULT);
    when(sessions.start(any(), anyString(), any())).thenReturn(START);
  }

  static MockHttpServletRequestBuilder message(String json) {
    return unauthenticated(json).header("X-Api-Key", API_KEY);
  }

  static MockHttpServletRequestBuilder unauthenticated(String json) {
    return post(MESSAGES).contentType(MediaType.APPLICATION_JSON).content(json);
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  JsonNode refused(MockHttpServletRequestBuilder request, int status, String type)
      throws Exception {
    MockHttpServletResponse response = send(request);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    JsonNode problem = JSON.readTree(response.getContentAsString());
    assertThat(problem.get("type").asString()).isEqualTo("https://salestalk.dev/problems/" + type);
    verifyNoInteractions(outbox);
    return problem;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aMessageWithoutSessionStartsOneAndWritesTranscriptAndBothEventsInOneCall() throws Exception {
    UUID correlation = UUID.fromString("6f1c1a52-1f0b-4c55-9a57-3a8f0f5d6b10");
    MockHttpServletResponse response =
        send(
            message("{\"message\":\"What was revenue last quarter?\"}")
                .header("X-Correlation-Id", correlation.toString())
                .header("X-User-Id", "user-ada"));

    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    JsonNode reply = JSON.readTree(response.getContentAsString());
    String sessionId = reply.get("sessionId").asString();
    assertThat(sessionId).matches("session-[a-z0-9]{20}");
    // the creation millisecond in base 36 first: a tenant's ids sort by creation time
    assertThat(sessionId).startsWith("session-0" + Long.toString(CLOCK.millis(), 36));
    assertThat(reply.get("messageId").asString()).matches("msg-[a-z0-9]{20}");
    assertThat(reply.get("intent").asString()).isEqualTo("metric_lookup");
    // a tenant without data: the understanding already says so instead of guessing a metric
    assertThat(reply.get("narrative").asString())
        .isEqualTo(
            "There are no numbers for your account yet: upload a CSV of your metrics first.");
    assertThat(reply.get("metricsUsed").isEmpty()).isTrue();
    assertThat(reply.get("grounded").asBoolean()).isTrue();
    assertThat(reply.get("correlationId").asString()).isEqualTo(correlation.toString());

    ArgumentCaptor<List<TransactWriteItem>> items = ArgumentCaptor.forClass(List.class);
    ArgumentCaptor<List<EventEnvelope>> events = ArgumentCaptor.forClass(List.class);
    verify(outbox).write(items.capture(), events.capture());
    assertThat(items.getValue()).containsExactly(START);
    verify(sessions).start(eq(TENANT), eq(sessionId), any());
    EventEnvelope classification = events.getValue().get(0);
    EventEnvelope narrative = events.getValue().get(1);
    assertThat(classification.eventType().toString()).isEqualTo("classification.performed.v1");
    assertThat(narrative.eventType().toString()).isEqualTo("narrative.generated.v1");
    for (EventEnvelope event : events.getValue()) {
      assertThat(event.tenantId()).isEqualTo(TENANT);
      assertThat(event.metadata().correlationId()).isEqualTo(correlation);
      assertThat(event.sessionId()).isEqualTo(sessionId);
      assertThat(event.userId()).isEqualTo("user-ada");
    }
    assertThat(classification.metadata().causationId()).isNull();
    assertThat(narrative.metadata().causationId()).isEqualTo(classification.eventId());
    ClassificationPerformed classified = classification.payload(ClassificationPerformed.class);
    assertThat(classified.utterance()).isEqualTo("What was revenue last quarter?");
    assertThat(classified.intent()).isEqualTo(Intent.METRIC_LOOKUP);
    assertThat(classified.messageId().value()).isEqualTo(reply.get("messageId").asString());
    NarrativeGenerated generated = narrative.payload(NarrativeGenerated.class);
    assertThat(generated.text()).isEqualTo(reply.get("narrative").asString());
    assertThat(generated.grounded()).isTrue();
    assertThat(generated.messageId()).isEqualTo(classified.messageId());
  }

  @Test
  void aMessageInTheTenantsSessionIsAppendedToIt() throws Exception {
    SessionStore.Session session = new SessionStore.Session("session-abc", "active", 3);
    when(sessions.find(TENANT, "session-abc")).thenReturn(Optional.of(session));
    when(sessions.append(eq(TENANT), eq(session), any())).thenReturn(START);

    MockHttpServletResponse response =
        send(message("{\"sessionId\":\"session-abc\",\"message\":\"hi\"}"));

    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    JsonNode reply = JSON.readTree(response.getContentAsString());
    assertThat(reply.get("sessionId").asString()).isEqualTo("session-abc");
    assertThat(reply.get("intent").asString()).isEqualTo("greeting");
    verify(sessions).append(eq(TENANT), eq(session), any());
  }

  @Test
  void aMessageWithoutOrWithAWrongKeyIsUnauthorized() throws Exception {
    JsonNode missing = refused(unauthenticated("{\"message\":\"hi\"}"), 401, "unauthorized");
    assertThat(missing.get("detail").asString())
        .isEqualTo("Missing credentials: send the tenant API key in the X-Api-Key header");
    JsonNode wrong =
        refused(
            unauthenticated("{\"message\":\"hi\"}").header("X-Api-Key", ApiKeys.generate()),
            401,
            "unauthorized");
    assertThat(wrong.get("detail").asString()).isEqualTo("The API key is not valid");
  }

  @Test
  void anotherTenantsOrAnUnknownSessionIsNotFound() throws Exception {
    when(sessions.find(TENANT, "session-of-another-tenant")).thenReturn(Optional.empty());

    JsonNode problem =
        refused(
            message("{\"sessionId\":\"session-of-another-tenant\",\"message\":\"hi\"}"),
            404,
            "not-found");
    assertThat(problem.get("detail").asString())
        .isEqualTo("No session with id 'session-of-another-tenant'");
    refused(message("{\"sessionId\":\"not a session\",\"message\":\"hi\"}"), 404, "not-found");
  }

  @Test
  void anEmptyOrWhitespaceOnlyMessageIsRefused() throws Exception {
    for (String body :
        List.of("{\"message\":\"\"}", "{\"message\":\"  \\n\\t \"}", "{}", "{\"message\":null}")) {
      JsonNode problem = refused(message(body), 422, "validation");
      assertThat(problem.get("errors").toString())
          .as(body)
          .isEqualTo(
              "[{\"field\":\"message\",\"message\":\"must not be empty or only whitespace\"}]");
    }
  }

  @Test
  void aMessageOverTheLimitIsRefusedAndOneAtTheLimitAnswered() throws Exception {
    JsonNode problem =
        refused(message("{\"message\":\"" + "a".repeat(2001) + "\"}"), 422, "validation");
    assertThat(problem.get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"message\",\"message\":\"must be at most 2000 characters, not 2001\"}]");

    assertThat(send(message("{\"message\":\"" + "a".repeat(2000) + "\"}")).getStatus())
        .isEqualTo(200);
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    refused(message("{\"message\": \"hi\""), 400, "malformed-json");
    refused(message("{\"message\": \"hi\", \"message\": \"again\"}"), 400, "malformed-json");
  }

  @Test
  void aBadUserIdIsABadParameter() throws Exception {
    JsonNode problem =
        refused(
            message("{\"message\":\"hi\"}").header("X-User-Id", "ada"), 400, "invalid-parameter");
    assertThat(problem.get("detail").asString()).contains("X-User-Id");
  }

  @Test
  void aSessionChangedMeanwhileIsAConflict() throws Exception {
    doThrow(TransactionCanceledException.builder().message("ConditionalCheckFailed").build())
        .when(outbox)
        .write(any(), any());

    MockHttpServletResponse response = send(message("{\"message\":\"hi\"}"));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString())
        .isEqualTo(
            "The session changed while this message was answered (another message, or it was"
                + " completed); send the message again");
  }

  static final SessionSummary ACTIVE_SESSION =
      new SessionSummary(
          "session-abc",
          "active",
          "2026-05-14T12:00:00Z",
          "2026-05-14T12:01:00Z",
          2,
          null,
          null,
          null);

  static SessionStore.Exchange exchange(String id, String intent, String at) {
    return new SessionStore.Exchange(
        id,
        "What was revenue last quarter?",
        intent,
        0.5,
        "Revenue in Q1 2026 was $42K.",
        List.of(new MetricUsed("revenue", "Q1 2026", new BigDecimal("42034.5"), null)),
        true,
        "6f1c1a52-1f0b-4c55-9a57-3a8f0f5d6b10",
        Instant.parse(at));
  }

  static final SessionStore.Transcript TRANSCRIPT =
      new SessionStore.Transcript(
          ACTIVE_SESSION,
          List.of(
              exchange("msg-1", "metric_lookup", "2026-05-14T12:00:00Z"),
              exchange("msg-2", "greeting", "2026-05-14T12:01:00Z")));

  static MockHttpServletRequestBuilder complete(String sessionId, String json) {
    return post(MESSAGES.replace("messages", "sessions/" + sessionId + "/complete"))
        .header("X-Api-Key", API_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json);
  }

  void assertJson(MockHttpServletResponse response, String expected) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(JSON.readTree(expected));
  }

  @Test
  void theTranscriptOfTheTenantsSessionIsItsMessagesOldestFirst() throws Exception {
    when(sessions.transcript(TENANT, "session-abc")).thenReturn(Optional.of(TRANSCRIPT));

    assertJson(
        send(get("/api/v1/chat/sessions/session-abc").header("X-Api-Key", API_KEY)),
        """
        {"session":{"sessionId":"session-abc","status":"active","createdAt":"2026-05-14T12:00:00Z",
                    "updatedAt":"2026-05-14T12:01:00Z","messageCount":2},
         "messages":[
          {"messageId":"msg-1","message":"What was revenue last quarter?","intent":"metric_lookup",
           "confidence":0.5,"narrative":"Revenue in Q1 2026 was $42K.",
           "metricsUsed":[{"metric":"revenue","period":"Q1 2026","value":42034.5}],"grounded":true,
           "correlationId":"6f1c1a52-1f0b-4c55-9a57-3a8f0f5d6b10","at":"2026-05-14T12:00:00Z"},
          {"messageId":"msg-2","message":"What was revenue last quarter?","intent":"greeting",
           "confidence":0.5,"narrative":"Revenue in Q1 2026 was $42K.",
           "metricsUsed":[{"metric":"revenue","period":"Q1 2026","value":42034.5}],"grounded":true,
           "correlationId":"6f1c1a52-1f0b-4c55-9a57-3a8f0f5d6b10","at":"2026-05-14T12:01:00Z"}]}
        """);
  }

  @Test
  void anotherTenantsOrAnUnknownSessionHasNoTranscript() throws Exception {
    when(sessions.transcript(TENANT, "session-of-another-tenant")).thenReturn(Optional.empty());

    JsonNode problem =
        refused(
            get("/api/v1/chat/sessions/session-of-another-tenant").header("X-Api-Key", API_KEY),
            404,
            "not-found");
    assertThat(problem.get("detail").asString())
        .isEqualTo("No session with id 'session-of-another-tenant'");
    refused(get("/api/v1/chat/sessions/other").header("X-Api-Key", API_KEY), 404, "not-found");
    refused(get("/api/v1/chat/sessions/session-abc"), 401, "unauthorized");
  }

  @Test
  void theTenantsSessionsArePagedNewestFirstWithAToken() throws Exception {
    SessionSummary completed =
        new SessionSummary(
            "session-0mgabc",
            "completed",
            "2026-05-14T11:00:00Z",
            "2026-05-14T11:30:00Z",
            1,
            "2026-05-14T11:30:00Z",
            "user_ended",
            new ConversationCompleted.Feedback(4, null));
    when(sessions.page(TENANT, 2, null))
        .thenReturn(new SessionStore.Page(List.of(ACTIVE_SESSION, completed), "session-0mgabc"));
    when(sessions.page(TENANT, 2, "session-0mgabc"))
        .thenReturn(new SessionStore.Page(List.of(), null));

    assertJson(
        send(get("/api/v1/chat/sessions?size=2").header("X-Api-Key", API_KEY)),
        """
        {"sessions":[
          {"sessionId":"session-abc","status":"active","createdAt":"2026-05-14T12:00:00Z",
           "updatedAt":"2026-05-14T12:01:00Z","messageCount":2},
          {"sessionId":"session-0mgabc","status":"completed","createdAt":"2026-05-14T11:00:00Z",
           "updatedAt":"2026-05-14T11:30:00Z","messageCount":1,"completedAt":"2026-05-14T11:30:00Z",
           "completionReason":"user_ended","feedback":{"rating":4}}],
         "nextPageToken":"c2Vzc2lvbi0wbWdhYmM"}
        """);
    assertJson(
        send(
            get("/api/v1/chat/sessions?size=2&pageToken=c2Vzc2lvbi0wbWdhYmM")
                .header("X-Api-Key", API_KEY)),
        "{\"sessions\":[]}");
    refused(
        get("/api/v1/chat/sessions?size=0").header("X-Api-Key", API_KEY), 400, "invalid-parameter");
    refused(
        get("/api/v1/chat/sessions?pageToken=bm9wZQ").header("X-Api-Key", API_KEY),
        400,
        "invalid-parameter");
  }

  @Test
  @SuppressWarnings("unchecked")
  void completingWritesTheStatusAndConversationCompletedInOneCall() throws Exception {
    when(sessions.transcript(TENANT, "session-abc")).thenReturn(Optional.of(TRANSCRIPT));
    ConversationCompleted.Feedback feedback = new ConversationCompleted.Feedback(5, "Clear");
    when(sessions.complete(TENANT, "session-abc", CLOCK.instant(), "user_ended", feedback, null))
        .thenReturn(START);

    assertJson(
        send(complete("session-abc", "{\"feedback\":{\"rating\":5,\"comment\":\"Clear\"}}")),
        """
        {"sessionId":"session-abc","status":"completed","createdAt":"2026-05-14T12:00:00Z",
         "updatedAt":"2026-05-14T13:00:00Z","messageCount":2,"completedAt":"2026-05-14T13:00:00Z",
         "completionReason":"user_ended","feedback":{"rating":5,"comment":"Clear"}}
        """);

    ArgumentCaptor<List<TransactWriteItem>> items = ArgumentCaptor.forClass(List.class);
    ArgumentCaptor<List<EventEnvelope>> events = ArgumentCaptor.forClass(List.class);
    verify(outbox).write(items.capture(), events.capture());
    assertThat(items.getValue()).containsExactly(START);
    assertThat(events.getValue()).hasSize(1);
    EventEnvelope event = events.getValue().get(0);
    assertThat(event.eventType().toString()).isEqualTo("conversation.completed.v1");
    assertThat(event.tenantId()).isEqualTo(TENANT);
    assertThat(event.sessionId()).isEqualTo("session-abc");
    assertThat(event.payload(ConversationCompleted.class))
        .isEqualTo(
            new ConversationCompleted(
                "2026-05-14T12:00:00Z",
                "2026-05-14T13:00:00Z",
                3_600_000,
                2,
                java.util.Map.of(Intent.METRIC_LOOKUP, 1L, Intent.GREETING, 1L),
                CompletionReason.USER_ENDED,
                feedback));
  }

  @Test
  void completingWithoutABodyHasNoFeedback() throws Exception {
    when(sessions.transcript(TENANT, "session-abc")).thenReturn(Optional.of(TRANSCRIPT));
    when(sessions.complete(TENANT, "session-abc", CLOCK.instant(), "user_ended", null, null))
        .thenReturn(START);

    MockHttpServletResponse response =
        send(post("/api/v1/chat/sessions/session-abc/complete").header("X-Api-Key", API_KEY));

    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    assertThat(JSON.readTree(response.getContentAsString()).has("feedback")).isFalse();
    verify(outbox).write(eq(List.of(START)), any());
  }

  @Test
  void completingACompletedSessionIsAConflict() throws Exception {
    when(sessions.transcript(TENANT, "session-abc"))
        .thenReturn(
            Optional.of(
                new SessionStore.Transcript(
                    new SessionSummary(
                        "session-abc",
                        "completed",
                        "2026-05-14T12:00:00Z",
                        "2026-05-14T12:30:00Z",
                        2,
                        "2026-05-14T12:30:00Z",
                        "idle_timeout",
                        null),
                    TRANSCRIPT.messages())));

    JsonNode problem = refused(complete("session-abc", "{}"), 409, "conflict");
    assertThat(problem.get("detail").asString())
        .isEqualTo("Session session-abc is already completed");
  }

  @Test
  void completingASessionCompletedMeanwhileIsAConflict() throws Exception {
    when(sessions.transcript(TENANT, "session-abc")).thenReturn(Optional.of(TRANSCRIPT));
    when(sessions.complete(any(), anyString(), any(), anyString(), any(), any())).thenReturn(START);
    doThrow(TransactionCanceledException.builder().message("ConditionalCheckFailed").build())
        .when(outbox)
        .write(any(), any());

    MockHttpServletResponse response = send(complete("session-abc", "{}"));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString())
        .isEqualTo("Session session-abc is already completed");
  }

  @Test
  void aRatingOutsideOneToFiveIsRefusedAndNothingWritten() throws Exception {
    when(sessions.transcript(TENANT, "session-abc")).thenReturn(Optional.of(TRANSCRIPT));
    for (String rating : List.of("0", "6", "null")) {
      JsonNode problem =
          refused(
              complete("session-abc", "{\"feedback\":{\"rating\":" + rating + "}}"),
              422,
              "validation");
      assertThat(problem.get("errors").toString())
          .isEqualTo(
              "[{\"field\":\"feedback.rating\",\"message\":\"must be a whole number from 1 to 5\"}]");
    }
  }

  @Test
  void completingAnotherTenantsOrAnUnknownSessionIsNotFound() throws Exception {
    when(sessions.transcript(TENANT, "session-of-another-tenant")).thenReturn(Optional.empty());

    JsonNode problem = refused(complete("session-of-another-tenant", "{}"), 404, "not-found");
    assertThat(problem.get("detail").asString())
        .isEqualTo("No session with id 'session-of-another-tenant'");
  }
}
