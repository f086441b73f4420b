package com.salestalk.chathandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.metricdata.cells.BreakdownCell;
import com.salestalk.metricdata.cells.CellStats;
import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.MonthBreakdown;
import com.salestalk.metricdata.cells.MonthTotal;
import com.salestalk.metricdata.cells.UploadStamp;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.StackTenants;
import com.salestalk.testsupport.TestStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chat-handler end to end: the real server against the emulator with infra/template.yaml deployed;
 * a tenant's cells written as aggregation writes them; five questions in one session answered from
 * them; the transcript in the conversations table; the events through the outbox relay onto the bus
 * and into the insights and analytics queues with their causation chain.
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.outbox.relay.interval=200ms",
      "salestalk.metrics.cloudwatch.enabled=false"
    })
class ChatIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final String UPLOAD_TIME_HEX = "019a5a4e2c00";
  static final Instant UPLOADED_AT = Instant.ofEpochMilli(Long.parseLong(UPLOAD_TIME_HEX, 16));

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;

  /** A tenant in EUR with revenue by region for April to September 2025: [tenantId, apiKey]. */
  String[] tenantWithRevenue() {
    String apiKey = ApiKeys.generate();
    String tenantId = StackTenants.create(stack, ApiKeys.hash(apiKey));
    dynamoDb.updateItem(
        u ->
            u.tableName(stack.output("TenantsTableName"))
                .key(Map.of("tenantId", AttributeValue.fromS(tenantId)))
                .updateExpression("SET #c = :c, #z = :z")
                .expressionAttributeNames(Map.of("#c", "currency", "#z", "timezone"))
                .expressionAttributeValues(
                    Map.of(
                        ":c", AttributeValue.fromS("EUR"),
                        ":z", AttributeValue.fromS("Europe/Berlin"))));
    int[][] euUs = {
      {1000, 2000}, {1500, 2500}, {2000, 3000}, {3000, 4000}, {3500, 4500}, {4000, 6000}
    };
    for (int i = 0; i < euUs.length; i++) {
      month(tenantId, YearMonth.of(2025, 4 + i), Map.of("EU", euUs[i][0], "US", euUs[i][1]));
    }
    return new String[] {tenantId, apiKey};
  }

  /** One month of revenue by region, written as aggregation writes it. */
  void month(String tenantId, YearMonth month, Map<String, Integer> byRegion) {
    CellTable table = new CellTable(stack.output("MetricCellsTableName"));
    UploadStamp upload = UploadStamp.of("upl-" + UPLOAD_TIME_HEX + "-it" + month.getMonthValue());
    List<BreakdownCell> cells = new ArrayList<>();
    CellStats total = null;
    for (Map.Entry<String, Integer> value : new TreeMap<>(byRegion).entrySet()) {
      CellStats stats = CellStats.of(BigDecimal.valueOf(value.getValue()));
      cells.add(new BreakdownCell(value.getKey(), stats));
      total = total == null ? stats : total.plus(stats);
    }
    try {
      for (MonthBreakdown page : CellTable.pages("revenue", month, "region", cells, upload)) {
        dynamoDb.putItem(table.put(tenantId, page));
      }
      dynamoDb.putItem(
          table.put(tenantId, new MonthTotal("revenue", month, total, List.of("region"), upload)));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException(e);
    }
    dynamoDb.updateItem(table.addCoverage(tenantId, "revenue", List.of(month), List.of("region")));
  }

  JsonNode ask(String apiKey, String sessionId, String message) {
    String body =
        JSON.writeValueAsString(
            sessionId == null
                ? Map.of("message", message)
                : Map.of("sessionId", sessionId, "message", message));
    HttpResponse<String> response = post(apiKey, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> post(String apiKey, String body) {
    return post(apiKey, "/api/v1/chat/messages", body);
  }

  HttpResponse<String> post(String apiKey, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-Api-Key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> get(String apiKey, String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Api-Key", apiKey)
            .GET()
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void fiveQuestionsInOneSessionAreAnsweredFromTheTenantsCellsWithTheirEventsChained() {
    String[] tenant = tenantWithRevenue();

    JsonNode lookup = ask(tenant[1], null, "What was revenue in Q3 2025?");
    String sessionId = lookup.get("sessionId").asString();
    JsonNode comparison = ask(tenant[1], sessionId, "Compare revenue Q3 2025 vs Q2 2025");
    JsonNode trend = ask(tenant[1], sessionId, "How did revenue trend month by month in Q3 2025?");
    JsonNode top = ask(tenant[1], sessionId, "Top regions by revenue in Q3 2025");
    JsonNode none = ask(tenant[1], sessionId, "What was revenue in 2023?");

    assertThat(lookup.get("narrative").asString()).isEqualTo("Revenue in Q3 2025 was €25K.");
    assertThat(lookup.get("intent").asString()).isEqualTo("metric_lookup");
    assertThat(lookup.get("metricsUsed").toString())
        .isEqualTo("[{\"metric\":\"revenue\",\"period\":\"Q3 2025\",\"value\":25000}]");
    assertThat(comparison.get("narrative").asString())
        .isEqualTo("Revenue was €25K in Q3 2025, up 108.3% from €12K in Q2 2025.");
    assertThat(trend.get("narrative").asString())
        .isEqualTo(
            "Revenue in Q3 2025, month by month: July 2025 €7,000, August 2025 €8,000 and"
                + " September 2025 €10K; up 42.9% from July 2025 to September 2025.");
    assertThat(top.get("narrative").asString())
        .isEqualTo("Revenue in Q3 2025 by region, highest first: US €14.5K and EU €10.5K.");
    assertThat(none.get("narrative").asString())
        .isEqualTo(
            "There is no revenue data in 2023. Upload it on the upload page to ask about it.");
    for (JsonNode reply : List.of(lookup, comparison, trend, top, none)) {
      assertThat(reply.get("sessionId").asString()).isEqualTo(sessionId);
      assertThat(reply.get("grounded").asBoolean()).as(reply.toString()).isTrue();
    }

    // the transcript: one item, five exchanges
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(stack.output("ConversationsTableName"))
                        .key(
                            Map.of(
                                "tenantId", AttributeValue.fromS(tenant[0]),
                                "sessionId", AttributeValue.fromS(sessionId)))
                        .consistentRead(true))
            .item();
    assertThat(item.get("messageCount").n()).isEqualTo("5");
    assertThat(item.get("status").s()).isEqualTo("active");
    assertThat(item.get("messages").l())
        .extracting(m -> m.m().get("narrative").s())
        .containsExactly(
            lookup.get("narrative").asString(),
            comparison.get("narrative").asString(),
            trend.get("narrative").asString(),
            top.get("narrative").asString(),
            none.get("narrative").asString());

    // the events: a classification per message to insights, its narrative to analytics
    TestStack.RoutedEvents routed =
        stack.awaitRouted(
            tenant[0], Map.of("insights", 5, "analytics", 5), Duration.ofMillis(1500));
    Map<String, JsonNode> classifications = new TreeMap<>();
    for (JsonNode event : routed.ofTenant().get("insights")) {
      JsonNode detail = event.get("detail");
      assertThat(detail.get("eventType").asString()).isEqualTo("classification.performed.v1");
      classifications.put(detail.get("data").get("messageId").asString(), detail);
    }
    for (JsonNode event : routed.ofTenant().get("analytics")) {
      JsonNode narrative = event.get("detail");
      assertThat(narrative.get("eventType").asString()).isEqualTo("narrative.generated.v1");
      JsonNode classification =
          classifications.get(narrative.get("data").get("messageId").asString());
      assertThat(classification).as(narrative.toString()).isNotNull();
      assertThat(narrative.get("metadata").get("causationId").asString())
          .isEqualTo(classification.get("eventId").asString());
      assertThat(narrative.get("metadata").get("correlationId").asString())
          .isEqualTo(classification.get("metadata").get("correlationId").asString());
      assertThat(narrative.get("sessionId").asString()).isEqualTo(sessionId);
      // the newest upload behind the figures; none for the year without data
      String messageId = narrative.get("data").get("messageId").asString();
      assertThat(narrative.get("data").has("dataAsOf"))
          .isEqualTo(!messageId.equals(none.get("messageId").asString()));
      if (narrative.get("data").has("dataAsOf")) {
        assertThat(narrative.get("data").get("dataAsOf").asString())
            .isEqualTo(UPLOADED_AT.toString());
      }
    }
    assertThat(classifications.keySet())
        .containsExactlyInAnyOrder(
            lookup.get("messageId").asString(),
            comparison.get("messageId").asString(),
            trend.get("messageId").asString(),
            top.get("messageId").asString(),
            none.get("messageId").asString());
  }

  @Test
  void anotherTenantsSessionIsNotFoundAndNothingIsPublished() {
    String[] owner = tenantWithRevenue();
    String[] other = tenantWithRevenue();
    String sessionId = ask(owner[1], null, "hi").get("sessionId").asString();
    stack.awaitRouted(owner[0], Map.of("insights", 1, "analytics", 1), Duration.ofMillis(500));

    HttpResponse<String> response =
        post(other[1], "{\"sessionId\":\"" + sessionId + "\",\"message\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).get("detail").asString())
        .isEqualTo("No session with id '" + sessionId + "'");
    stack.awaitRouted(other[0], Map.of(), Duration.ofMillis(1500));
  }

  @Test
  void completingTheSessionPublishesConversationCompletedOnceWithTheFeedback() {
    String[] tenant = tenantWithRevenue();
    String[] other = tenantWithRevenue();
    String first = ask(tenant[1], null, "What was revenue in Q3 2025?").get("sessionId").asString();
    String sessionId = ask(tenant[1], null, "hi").get("sessionId").asString();
    ask(tenant[1], sessionId, "Compare revenue Q3 2025 vs Q2 2025");
    stack.awaitRouted(tenant[0], Map.of("insights", 3, "analytics", 3), Duration.ofMillis(500));

    // the transcript and the list, newest first; another tenant sees neither
    JsonNode transcript =
        JSON.readTree(get(tenant[1], "/api/v1/chat/sessions/" + sessionId).body());
    assertThat(transcript.get("messages"))
        .extracting(m -> m.get("intent").asString())
        .containsExactly("greeting", "comparison");
    JsonNode list = JSON.readTree(get(tenant[1], "/api/v1/chat/sessions").body());
    assertThat(list.get("sessions"))
        .extracting(s -> s.get("sessionId").asString())
        .containsExactly(sessionId, first);
    assertThat(get(other[1], "/api/v1/chat/sessions/" + sessionId).statusCode()).isEqualTo(404);
    assertThat(
            post(other[1], "/api/v1/chat/sessions/" + sessionId + "/complete", "{}").statusCode())
        .isEqualTo(404);

    String complete = "/api/v1/chat/sessions/" + sessionId + "/complete";
    HttpResponse<String> completed =
        post(tenant[1], complete, "{\"feedback\":{\"rating\":4,\"comment\":\"Clear answers\"}}");
    HttpResponse<String> again = post(tenant[1], complete, "{}");

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    assertThat(JSON.readTree(completed.body()).get("status").asString()).isEqualTo("completed");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(
            post(
                    tenant[1],
                    "/api/v1/chat/messages",
                    "{\"sessionId\":\"" + sessionId + "\",\"message\":\"hi\"}")
                .statusCode())
        .isEqualTo(409);
    TestStack.RoutedEvents routed =
        stack.awaitRouted(tenant[0], Map.of("analytics", 1), Duration.ofMillis(1500));
    JsonNode event = routed.ofTenant().get("analytics").get(0).get("detail");
    assertThat(event.get("eventType").asString()).isEqualTo("conversation.completed.v1");
    assertThat(event.get("tenantId").asString()).isEqualTo(tenant[0]);
    assertThat(event.get("sessionId").asString()).isEqualTo(sessionId);
    JsonNode data = event.get("data");
    assertThat(data.get("messageCount").asLong()).isEqualTo(2);
    assertThat(data.get("intents").toString()).isEqualTo("{\"greeting\":1,\"comparison\":1}");
    assertThat(data.get("completionReason").asString()).isEqualTo("user_ended");
    assertThat(data.get("feedback").toString())
        .isEqualTo("{\"rating\":4,\"comment\":\"Clear answers\"}");
    assertThat(data.get("startedAt").asString())
        .isEqualTo(transcript.get("session").get("createdAt").asString());
    JsonNode after = JSON.readTree(get(tenant[1], "/api/v1/chat/sessions/" + sessionId).body());
    assertThat(after.get("session").get("completionReason").asString()).isEqualTo("user_ended");
  }
}
