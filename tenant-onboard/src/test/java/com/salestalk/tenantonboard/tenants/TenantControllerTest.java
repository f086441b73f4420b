package com.salestalk.tenantonboard.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant API's request validation and error bodies, with service-kit's problem handling, limits
 * and authentication in front of it and the store and provisioning replaced; the flows against the
 * emulator are {@code TenantOnboardIT}'s.
 */
@WebMvcTest(
    controllers = TenantController.class,
    properties = "salestalk.admin.token=" + TenantControllerTest.ADMIN_TOKEN)
@Import(TenantsConfiguration.class)
@EnableConfigurationProperties(TenantsProperties.class)
@ActiveProfiles("local")
class TenantControllerTest {

  static final String ADMIN_TOKEN = "slice-admin-token-0123456789";
  static final String TENANTS = "/api/v1/tenants";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Tenant ACME =
      new Tenant(
          TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0"),
          "Acme Corp",
          Plan.ENTERPRISE,
          "eu-west-1",
          "EUR",
          "Europe/Berlin",
          List.of(),
          Instant.parse("2026-11-26T15:04:05.123Z"));

  @Autowired MockMvc mvc;
  @MockitoBean TenantProvisioning provisioning;
  @MockitoBean TenantStore store;

  static RequestPostProcessor admin() {
    return request -> {
      request.addHeader("Authorization", "Bearer " + ADMIN_TOKEN);
      return request;
    };
  }

  static MockHttpServletRequestBuilder create(String body) {
    return post(TENANTS).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  /**
   * Sends a request that must be rejected with exactly this problem+json body, before it reached
   * the store or the provisioning.
   */
  MockHttpServletResponse assertRejected(MockHttpServletRequestBuilder request, String problem)
      throws Exception {
    MockHttpServletResponse response = send(request);
    JsonNode expected = JSON.readTree(problem);
    assertThat(response.getStatus())
        .as(response.getContentAsString())
        .isEqualTo(expected.get("status").asInt());
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(expected);
    verifyNoInteractions(provisioning, store);
    return response;
  }

  @Nested
  class Authentication {

    @Test
    void createWithoutTheAdminTokenIsUnauthorized() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              post(TENANTS)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\":\"A\",\"plan\":\"trial\"}"),
              """
              {"type": "https://salestalk.dev/problems/unauthorized", "title": "Unauthorized",
               "status": 401, "instance": "/api/v1/tenants",
               "detail": "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'"}
              """);
      assertThat(response.getHeader("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"salestalk-admin\"");
    }

    @Test
    void aWrongAdminTokenIsUnauthorized() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              post(TENANTS)
                  .header("Authorization", "Bearer " + ADMIN_TOKEN.substring(1))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\":\"A\",\"plan\":\"trial\"}"),
              """
              {"type": "https://salestalk.dev/problems/unauthorized", "title": "Unauthorized",
               "status": 401, "instance": "/api/v1/tenants",
               "detail": "The admin token is not valid"}
              """);
      assertThat(response.getHeader("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"salestalk-admin\", error=\"invalid_token\"");
    }

    @Test
    void readsNeedTheAdminTokenToo() throws Exception {
      assertRejected(
          get(TENANTS + "/" + ACME.id().value()),
          """
          {"type": "https://salestalk.dev/problems/unauthorized", "title": "Unauthorized",
           "status": 401, "instance": "/api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0",
           "detail": "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'"}
          """);
    }
  }

  @Nested
  class CreateBodies {

    @Test
    void malformedJsonIsBadRequest() throws Exception {
      assertRejected(
          create("{\"name\": \"A\", \"plan\": "),
          """
          {"type": "https://salestalk.dev/problems/malformed-json", "title": "Malformed JSON",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "The body is not well-formed JSON: Unexpected end-of-input within/between Object entries (line 1, column 23)"}
          """);
    }

    @Test
    void anEmptyBodyIsBadRequest() throws Exception {
      assertRejected(
          create(""),
          """
          {"type": "https://salestalk.dev/problems/malformed-json", "title": "Malformed JSON",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "The request body is missing or unreadable; send a JSON object"}
          """);
    }

    @Test
    void aNumberForTheNameIsRejectedNamingIt() throws Exception {
      assertRejected(
          create("{\"name\": 42, \"plan\": \"trial\"}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: name must be a string",
           "errors": [{"field": "name", "message": "must be a string"}]}
          """);
    }

    @Test
    void anArrayForThePlanIsRejectedNamingIt() throws Exception {
      assertRejected(
          create("{\"name\": \"A\", \"plan\": [\"trial\"]}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: plan must be a string",
           "errors": [{"field": "plan", "message": "must be a string"}]}
          """);
    }

    @Test
    void anUnknownFieldIsRejectedListingTheKnownOnes() throws Exception {
      assertRejected(
          create("{\"name\":\"A\",\"plan\":\"trial\",\"tenantId\":\"tenant-x\"}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: tenantId is not a known field; allowed: currency, name, plan, region, timezone",
           "errors": [{"field": "tenantId",
                       "message": "is not a known field; allowed: currency, name, plan, region, timezone"}]}
          """);
    }

    @Test
    void aFiveHundredCharacterNameIsRejectedNamingIt() throws Exception {
      assertRejected(
          create("{\"name\":\"" + "n".repeat(500) + "\",\"plan\":\"trial\"}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: name must be at most 200 characters, got 500",
           "errors": [{"field": "name", "message": "must be at most 200 characters, got 500"}]}
          """);
    }

    @Test
    void aMissingNameIsRejectedNamingIt() throws Exception {
      assertRejected(
          create("{\"plan\":\"trial\"}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: name is required",
           "errors": [{"field": "name", "message": "is required"}]}
          """);
    }

    @Test
    void everyInvalidFieldIsListedInOrder() throws Exception {
      assertRejected(
          create(
              "{\"name\":\" \",\"plan\":\"gold\",\"region\":\"moon-1\","
                  + "\"currency\":\"usd\",\"timezone\":\"+02:00\"}"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/tenants",
           "detail": "The request is invalid: name must not be blank; plan must be one of trial, standard, enterprise; region must be an AWS region name such as us-east-1; currency must be an ISO 4217 currency code such as USD; timezone must be an IANA time zone such as Europe/Berlin",
           "errors": [
             {"field": "name", "message": "must not be blank"},
             {"field": "plan", "message": "must be one of trial, standard, enterprise"},
             {"field": "region", "message": "must be an AWS region name such as us-east-1"},
             {"field": "currency", "message": "must be an ISO 4217 currency code such as USD"},
             {"field": "timezone", "message": "must be an IANA time zone such as Europe/Berlin"}]}
          """);
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLarge() throws Exception {
      assertRejected(
          create("{\"name\":\"" + "x".repeat(20_000) + "\",\"plan\":\"trial\"}"),
          """
          {"type": "https://salestalk.dev/problems/payload-too-large", "title": "Payload too large",
           "status": 413, "instance": "/api/v1/tenants",
           "detail": "The request body exceeds the limit of 16384 bytes"}
          """);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsBadRequest() throws Exception {
      assertRejected(
          create("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"plan\":\"trial\"}"),
          """
          {"type": "https://salestalk.dev/problems/json-limits", "title": "JSON limit exceeded",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "The JSON body nests deeper than the limit of 32 levels"}
          """);
    }

    @Test
    void aFormBodyIsAnUnsupportedMediaType() throws Exception {
      assertRejected(
          post(TENANTS)
              .with(admin())
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .content("name=A&plan=trial"),
          """
          {"type": "https://salestalk.dev/problems/unsupported-media-type",
           "title": "Unsupported media type", "status": 415, "instance": "/api/v1/tenants",
           "detail": "Content-Type 'application/x-www-form-urlencoded' is not supported by /api/v1/tenants; send application/json"}
          """);
    }

    @Test
    void deleteIsNotAllowed() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              delete(TENANTS).with(admin()),
              """
              {"type": "https://salestalk.dev/problems/method-not-allowed",
               "title": "Method not allowed", "status": 405, "instance": "/api/v1/tenants",
               "detail": "Method DELETE is not supported by /api/v1/tenants; allowed: GET, POST"}
              """);
      assertThat(response.getHeader("Allow")).isEqualTo("GET, POST");
    }
  }

  @Nested
  class Reads {

    @Test
    void aTokenThisApiDidNotIssueIsAnInvalidParameter() throws Exception {
      assertRejected(
          get(TENANTS).with(admin()).param("pageToken", "!!"),
          """
          {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "Invalid pageToken: is not a token this API issued",
           "errors": [{"field": "pageToken", "message": "is not a token this API issued"}]}
          """);
    }

    @Test
    void aPageSizeOutOfRangeIsAnInvalidParameter() throws Exception {
      assertRejected(
          get(TENANTS).with(admin()).param("size", "0"),
          """
          {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "Invalid size: must be between 1 and 100",
           "errors": [{"field": "size", "message": "must be between 1 and 100"}]}
          """);
    }

    @Test
    void aPageSizeThatIsNoNumberIsAnInvalidParameter() throws Exception {
      assertRejected(
          get(TENANTS).with(admin()).param("size", "ten"),
          """
          {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
           "status": 400, "instance": "/api/v1/tenants",
           "detail": "Invalid size: must be an integer",
           "errors": [{"field": "size", "message": "must be an integer"}]}
          """);
    }

    @Test
    void aMalformedTenantIdIsNotFoundWithoutALookup() throws Exception {
      assertRejected(
          get(TENANTS + "/not-a-tenant").with(admin()),
          """
          {"type": "https://salestalk.dev/problems/not-found", "title": "Not found",
           "status": 404, "instance": "/api/v1/tenants/not-a-tenant",
           "detail": "No tenant with id not-a-tenant"}
          """);
    }

    @Test
    void anUnknownTenantIsNotFound() throws Exception {
      MockHttpServletResponse response = send(get(TENANTS + "/tenant-doesnotexist").with(admin()));

      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(JSON.readTree(response.getContentAsString()))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"type": "https://salestalk.dev/problems/not-found", "title": "Not found",
                   "status": 404, "instance": "/api/v1/tenants/tenant-doesnotexist",
                   "detail": "No tenant with id tenant-doesnotexist"}
                  """));
      verify(store).find(TenantId.of("tenant-doesnotexist"));
    }

    @Test
    void aTenantIsShownWithoutItsKey() throws Exception {
      when(store.find(ACME.id())).thenReturn(Optional.of(ACME));

      MockHttpServletResponse response = send(get(TENANTS + "/" + ACME.id().value()).with(admin()));

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(JSON.readTree(response.getContentAsString()))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"tenantId": "tenant-k3x9q2m4p7w8r5t1v6y0", "name": "Acme Corp",
                   "plan": "enterprise", "region": "eu-west-1", "currency": "EUR",
                   "timezone": "Europe/Berlin", "features": [],
                   "createdAt": "2026-11-26T15:04:05.123Z"}
                  """));
    }

    @Test
    void aPageCarriesTheNextPageToken() throws Exception {
      when(store.page(1, null)).thenReturn(new TenantStore.Page(List.of(ACME), "next-token"));

      MockHttpServletResponse response = send(get(TENANTS).with(admin()).param("size", "1"));

      assertThat(response.getStatus()).isEqualTo(200);
      JsonNode page = JSON.readTree(response.getContentAsString());
      assertThat(page.get("items")).hasSize(1);
      assertThat(page.get("items").get(0).get("tenantId").asString()).isEqualTo(ACME.id().value());
      assertThat(page.get("nextPageToken").asString()).isEqualTo("next-token");
    }
  }

  @Nested
  class Creation {

    @Test
    void aValidRequestIsProvisionedAndAnsweredWithTheKeyOnce() throws Exception {
      String correlation = UUID.randomUUID().toString();
      when(provisioning.create(any(), eq("key-1"), any()))
          .thenReturn(new TenantProvisioning.Created(ACME, "stk_secret"));

      MockHttpServletResponse response =
          send(
              create(
                      "{\"name\":\"  Acme Corp  \",\"plan\":\"enterprise\",\"region\":\"eu-west-1\","
                          + "\"currency\":\"EUR\",\"timezone\":\"Europe/Berlin\"}")
                  .header("Idempotency-Key", "key-1")
                  .header("X-Correlation-Id", correlation));

      assertThat(response.getStatus()).isEqualTo(201);
      assertThat(response.getHeader("Location")).isEqualTo(TENANTS + "/" + ACME.id().value());
      assertThat(response.getHeader("X-Correlation-Id")).isEqualTo(correlation);
      assertThat(JSON.readTree(response.getContentAsString()).get("apiKey").asString())
          .isEqualTo("stk_secret");
      ArgumentCaptor<Flow> flow = ArgumentCaptor.forClass(Flow.class);
      verify(provisioning)
          .create(
              eq(new NewTenant("Acme Corp", Plan.ENTERPRISE, "eu-west-1", "EUR", "Europe/Berlin")),
              eq("key-1"),
              flow.capture());
      assertThat(flow.getValue().correlationId()).isEqualTo(UUID.fromString(correlation));
    }

    @Test
    void aReplayIsOkWithTheTenantButNoKey() throws Exception {
      when(provisioning.create(any(), eq("key-1"), any()))
          .thenReturn(new TenantProvisioning.Replayed(ACME));

      MockHttpServletResponse response =
          send(
              create("{\"name\":\"Acme Corp\",\"plan\":\"enterprise\"}")
                  .header("Idempotency-Key", "key-1"));

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getHeader("Location")).isEqualTo(TENANTS + "/" + ACME.id().value());
      assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("true");
      assertThat(JSON.readTree(response.getContentAsString()).has("apiKey")).isFalse();
    }
  }
}
