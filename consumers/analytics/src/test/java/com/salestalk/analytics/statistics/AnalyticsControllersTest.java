package com.salestalk.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.Plan;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import com.salestalk.servicekit.query.DateRange;
import java.time.LocalDate;
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
 * The tenant and admin APIs' credentials, parameters and problem bodies, with service-kit in front
 * and the table mocked. The flows on the emulator are {@code AnalyticsIT}'s.
 */
@WebMvcTest(
    controllers = {AnalyticsController.class, TenantsByPlanController.class},
    properties = {
      "salestalk.analytics.table=slice-analytics",
      "salestalk.analytics.max-range-days=31",
      "salestalk.admin.token=" + AnalyticsControllersTest.ADMIN_TOKEN
    })
@Import(AnalyticsControllersTest.Keys.class)
@EnableConfigurationProperties(AnalyticsProperties.class)
@ActiveProfiles("local")
class AnalyticsControllersTest {

  static final String ADMIN_TOKEN = "slice-admin-token-0123456789";
  static final String API_KEY = ApiKeys.generate();
  static final TenantId TENANT = TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final DateRange MARCH = new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));

  @TestConfiguration
  static class Keys {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash -> hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TENANT) : Optional.empty();
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean AnalyticsTable table;

  MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  void assertProblem(RequestBuilder request, int status, String type, String detail)
      throws Exception {
    MockHttpServletResponse response = send(request);
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    var problem = JSON.readTree(response.getContentAsString());
    assertThat(problem.get("type").asString()).isEqualTo("https://salestalk.dev/problems/" + type);
    assertThat(problem.get("detail").asString()).isEqualTo(detail);
    verifyNoInteractions(table);
  }

  @Test
  void readsTheCallingTenantsRange() throws Exception {
    when(table.narratives(any(), any())).thenReturn(Map.of());
    when(table.conversations(any(), any())).thenReturn(ConversationCounts.none());

    MockHttpServletResponse response =
        send(get("/api/v1/analytics?from=2025-03-01&to=2025-03-31").header("X-Api-Key", API_KEY));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(JSON.readTree(response.getContentAsString()).get("from").asString())
        .isEqualTo("2025-03-01");
    verify(table).narratives(TENANT, MARCH);
    verify(table).conversations(TENANT, MARCH);
  }

  @Test
  void theTenantApiNeedsAValidKeyAndARange() throws Exception {
    assertProblem(
        get("/api/v1/analytics?from=2025-03-01&to=2025-03-31"),
        401,
        "unauthorized",
        "Missing credentials: send the tenant API key in the X-Api-Key header");
    assertProblem(
        get("/api/v1/analytics?from=2025-03-01&to=2025-03-31")
            .header("Authorization", "Bearer " + ADMIN_TOKEN),
        401,
        "unauthorized",
        "Missing credentials: send the tenant API key in the X-Api-Key header");
    assertProblem(
        get("/api/v1/analytics").header("X-Api-Key", API_KEY),
        400,
        "invalid-parameter",
        "Invalid from: is required: a day YYYY-MM-DD");
    assertProblem(
        get("/api/v1/analytics?from=2025-03-01&to=2025-04-01").header("X-Api-Key", API_KEY),
        400,
        "invalid-parameter",
        "Invalid to: the range 2025-03-01 to 2025-04-01 holds 32 days; at most 31 are allowed");
  }

  @Test
  void countsTenantsByPlanWithAndWithoutARange() throws Exception {
    when(table.tenantsByPlan())
        .thenReturn(Map.of(Plan.TRIAL, 4L, Plan.STANDARD, 2L, Plan.ENTERPRISE, 1L));
    when(table.provisionedByPlan(MARCH)).thenReturn(Map.of(Plan.TRIAL, 1L));
    String admin = "Bearer " + ADMIN_TOKEN;

    MockHttpServletResponse all =
        send(get("/api/v1/analytics/tenants-by-plan").header("Authorization", admin));
    assertThat(JSON.readTree(all.getContentAsString()))
        .isEqualTo(
            JSON.readTree(
                """
                {"tenants": 7, "byPlan": {"trial": 4, "standard": 2, "enterprise": 1}}
                """));
    MockHttpServletResponse march =
        send(
            get("/api/v1/analytics/tenants-by-plan?from=2025-03-01&to=2025-03-31")
                .header("Authorization", admin));
    assertThat(JSON.readTree(march.getContentAsString()).get("range"))
        .isEqualTo(
            JSON.readTree(
                """
                {"from": "2025-03-01", "to": "2025-03-31", "tenants": 1,
                 "byPlan": {"trial": 1, "standard": 0, "enterprise": 0}}
                """));
  }

  @Test
  void theAdminViewNeedsTheAdminTokenAndBothEndsOfARange() throws Exception {
    assertProblem(
        get("/api/v1/analytics/tenants-by-plan"),
        401,
        "unauthorized",
        "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'");
    assertProblem(
        get("/api/v1/analytics/tenants-by-plan").header("X-Api-Key", API_KEY),
        401,
        "unauthorized",
        "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'");
    assertProblem(
        get("/api/v1/analytics/tenants-by-plan")
            .header("Authorization", "Bearer wrong-token-0123456789"),
        401,
        "unauthorized",
        "The admin token is not valid");
    assertProblem(
        get("/api/v1/analytics/tenants-by-plan?from=2025-03-01")
            .header("Authorization", "Bearer " + ADMIN_TOKEN),
        400,
        "invalid-parameter",
        "Invalid to: is required: a day YYYY-MM-DD");
  }
}
