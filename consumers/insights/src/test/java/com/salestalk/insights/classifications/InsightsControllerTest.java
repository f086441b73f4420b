package com.salestalk.insights.classifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import com.salestalk.servicekit.query.DateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insights API's parameters and problem bodies, with service-kit's problem handling and
 * authentication in front and the table mocked. The flow on the emulator is {@code InsightsIT}'s.
 */
@WebMvcTest(
    controllers = InsightsController.class,
    properties = {
      "salestalk.insights.table=slice-insights",
      "salestalk.insights.max-range-days=31"
    })
@Import(InsightsControllerTest.Keys.class)
@EnableConfigurationProperties(InsightsProperties.class)
@ActiveProfiles("local")
class InsightsControllerTest {

  static final String API_KEY = ApiKeys.generate();
  static final TenantId TENANT = TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestConfiguration
  static class Keys {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash -> hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TENANT) : Optional.empty();
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean InsightsTable table;

  MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  void assertProblem(RequestBuilder request, String problem) throws Exception {
    MockHttpServletResponse response = send(request);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(JSON.readTree(problem));
    verifyNoInteractions(table);
  }

  static String invalidParameter(String name, String message) {
    return """
        {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
         "status": 400, "detail": "Invalid %1$s: %2$s", "instance": "/api/v1/insights",
         "errors": [{"field": "%1$s", "message": "%2$s"}]}
        """
        .formatted(name, message);
  }

  @Test
  void readsTheCallingTenantsRange() throws Exception {
    LocalDate day = LocalDate.of(2025, 1, 15);
    when(table.read(any(), any()))
        .thenReturn(
            new InsightsTable.Insights(
                List.of(
                    new DayCounts(
                        day,
                        2,
                        new BigDecimal("1.5"),
                        1,
                        Map.of(
                            Intent.UNKNOWN,
                            new DayCounts.IntentCounts(1, new BigDecimal("0.4")),
                            Intent.COMPARISON,
                            new DayCounts.IntentCounts(1, new BigDecimal("1.1"))))),
                List.of()));

    MockHttpServletResponse response =
        send(get("/api/v1/insights?from=2025-01-01&to=2025-01-31").header("X-Api-Key", API_KEY));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(response.getContentAsString()))
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-01-01", "to": "2025-01-31", "lowConfidenceThreshold": 0.5,
                 "totals": {"classifications": 2, "averageConfidence": 0.75, "lowConfidence": 1,
                   "lowConfidenceRate": 0.5,
                   "intents": {"comparison": {"count": 1, "averageConfidence": 1.1},
                     "unknown": {"count": 1, "averageConfidence": 0.4}}},
                 "days": [{"date": "2025-01-15", "classifications": 2, "averageConfidence": 0.75,
                   "lowConfidence": 1, "lowConfidenceRate": 0.5,
                   "intents": {"comparison": {"count": 1, "averageConfidence": 1.1},
                     "unknown": {"count": 1, "averageConfidence": 0.4}}}],
                 "samples": []}
                """));
    verify(table).read(TENANT, new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
  }

  @Test
  void refusesRequestsWithoutAValidKeyBeforeLookingAtTheParameters() throws Exception {
    String unauthorized =
        """
        {"type": "https://salestalk.dev/problems/unauthorized", "title": "Unauthorized",
         "status": 401, "detail": "%s", "instance": "/api/v1/insights"}
        """;
    MockHttpServletResponse noKey = send(get("/api/v1/insights?from=x"));
    assertThat(noKey.getStatus()).isEqualTo(401);
    assertThat(noKey.getHeader("WWW-Authenticate")).isNotNull();
    assertThat(JSON.readTree(noKey.getContentAsString()).get("type").asString())
        .isEqualTo("https://salestalk.dev/problems/unauthorized");
    assertProblem(
        get("/api/v1/insights?from=2025-01-01&to=2025-01-02")
            .header("X-Api-Key", ApiKeys.generate()),
        unauthorized.formatted("The API key is not valid"));
  }

  @Test
  void refusesMissingBadInvertedAndOverlongRanges() throws Exception {
    assertProblem(
        get("/api/v1/insights?to=2025-01-31").header("X-Api-Key", API_KEY),
        invalidParameter("from", "is required: a day YYYY-MM-DD"));
    assertProblem(
        get("/api/v1/insights?from=2025-01-01").header("X-Api-Key", API_KEY),
        invalidParameter("to", "is required: a day YYYY-MM-DD"));
    assertProblem(
        get("/api/v1/insights?from=2025-13-01&to=2025-01-31").header("X-Api-Key", API_KEY),
        invalidParameter("from", "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '2025-13-01'"));
    assertProblem(
        get("/api/v1/insights?from=2025-01-01&to=2025-01-31&to=2025-02-01")
            .header("X-Api-Key", API_KEY),
        invalidParameter(
            "to", "must be a day YYYY-MM-DD, e.g. 2025-01-31; got '2025-01-31,2025-02-01'"));
    assertProblem(
        get("/api/v1/insights?from=2025-01-31&to=2025-01-01").header("X-Api-Key", API_KEY),
        invalidParameter("to", "must not be before from (2025-01-31), got 2025-01-01"));
    assertProblem(
        get("/api/v1/insights?from=2025-01-01&to=2025-02-01").header("X-Api-Key", API_KEY),
        invalidParameter(
            "to", "the range 2025-01-01 to 2025-02-01 holds 32 days; at most 31 are allowed"));
  }

  @Test
  void answersOtherMethodsWith405() throws Exception {
    MockHttpServletResponse response = send(post("/api/v1/insights").header("X-Api-Key", API_KEY));
    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).isEqualTo("GET");
    verifyNoInteractions(table);
  }
}
