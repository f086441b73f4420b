package com.salestalk.chathandler.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.StackTenants;
import com.salestalk.testsupport.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idle sweeper against the emulator: two sweepers (two instances) with a forced interleaving —
 * both find and read the same idle session, one completes it, the other's conditional transaction
 * fails — a message after the cutoff keeps its session open, sweeping again completes nothing
 * twice, and exactly one {@code conversation.completed.v1} per session reaches analytics.
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.outbox.relay.interval=200ms",
      "salestalk.metrics.cloudwatch.enabled=false"
    })
class IdleSessionsIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final Duration TIMEOUT = Duration.ofMinutes(30);

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired SessionStore sessions;
  @Autowired SessionCompletion completion;

  HttpResponse<String> send(String apiKey, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Api-Key", apiKey);
    request =
        body == null
            ? request.GET()
            : request
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A sweeper of another instance whose clock says {@code cutoff} + the timeout. */
  IdleSessions sweeperWithCutoff(Instant cutoff) {
    return new IdleSessions(
        sessions, completion, TIMEOUT, Clock.fixed(cutoff.plus(TIMEOUT), ZoneOffset.UTC));
  }

  @Test
  void twoSweepersAndASecondSweepCompleteEachIdleSessionExactlyOnce() {
    String apiKey = ApiKeys.generate();
    TenantId tenant = TenantId.of(StackTenants.create(stack, ApiKeys.hash(apiKey)));
    String idle =
        json(send(apiKey, "/api/v1/chat/messages", "{\"message\":\"hi\"}"))
            .get("sessionId")
            .asString();
    String busy =
        json(send(apiKey, "/api/v1/chat/messages", "{\"message\":\"hello\"}"))
            .get("sessionId")
            .asString();
    Instant cutoff =
        Instant.parse(
                json(send(apiKey, "/api/v1/chat/sessions/" + busy, null))
                    .get("messages")
                    .get(0)
                    .get("at")
                    .asString())
            .plusMillis(1);
    SessionStore.SessionKey idleKey = new SessionStore.SessionKey(tenant, idle);
    SessionStore.SessionKey busyKey = new SessionStore.SessionKey(tenant, busy);

    // two instances find both sessions idle and read them, before either completes anything
    IdleSessions one = sweeperWithCutoff(cutoff);
    IdleSessions two = sweeperWithCutoff(cutoff);
    assertThat(one.candidates(cutoff)).contains(idleKey, busyKey);
    assertThat(two.candidates(cutoff)).contains(idleKey, busyKey);
    SessionStore.Transcript readByOne = one.active(idleKey).orElseThrow();
    SessionStore.Transcript readByTwo = two.active(idleKey).orElseThrow();
    SessionStore.Transcript busyRead = one.active(busyKey).orElseThrow();

    // the first wins; the second's transaction fails on the status
    assertThat(one.complete(idleKey, readByOne, cutoff)).isTrue();
    assertThat(two.complete(idleKey, readByTwo, cutoff)).isFalse();
    assertThat(two.active(idleKey)).isEmpty();
    assertThat(one.candidates(cutoff)).doesNotContain(idleKey);

    // a message after the cutoff: the session is no longer idle, its completion fails
    await().until(() -> Instant.now().isAfter(cutoff));
    json(
        send(
            apiKey,
            "/api/v1/chat/messages",
            "{\"sessionId\":\"" + busy + "\",\"message\":\"thanks\"}"));
    assertThat(one.complete(busyKey, busyRead, cutoff)).isFalse();
    assertThat(one.candidates(cutoff)).doesNotContain(busyKey);

    // the user cannot complete what timed out
    assertThat(send(apiKey, "/api/v1/chat/sessions/" + idle + "/complete", "{}").statusCode())
        .isEqualTo(409);

    // later, a full sweep (as after a restart) completes the busy one; sweeping again, nothing
    IdleSessions later = sweeperWithCutoff(Instant.now().plusSeconds(1));
    assertThat(later.sweep()).isEqualTo(1);
    assertThat(later.sweep()).isZero();
    assertThat(sweeperWithCutoff(Instant.now().plusSeconds(1)).sweep()).isZero();

    TestStack.RoutedEvents routed =
        stack.awaitRouted(
            tenant.value(), Map.of("insights", 3, "analytics", 5), Duration.ofMillis(1500));
    List<JsonNode> completed =
        routed.ofTenant().get("analytics").stream()
            .map(e -> e.get("detail"))
            .filter(d -> d.get("eventType").asString().equals("conversation.completed.v1"))
            .toList();
    assertThat(completed)
        .extracting(d -> d.get("sessionId").asString())
        .containsExactlyInAnyOrder(idle, busy);
    for (JsonNode event : completed) {
      JsonNode data = event.get("data");
      assertThat(data.get("completionReason").asString()).isEqualTo("idle_timeout");
      assertThat(data.has("feedback")).isFalse();
      assertThat(data.get("messageCount").asLong())
          .isEqualTo(event.get("sessionId").asString().equals(idle) ? 1 : 2);
    }
  }
}
