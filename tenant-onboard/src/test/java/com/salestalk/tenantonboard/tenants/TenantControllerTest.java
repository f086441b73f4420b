package com.salestalk.tenantonboard.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
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
 * The tenant and API-key endpoints' request validation and error bodies, with service-kit's problem
 * handling, limits and authentication in front of them and the stores, provisioning and key
 * management replaced; the flows against the emulator are {@code TenantOnboardIT}'s and {@code
 * TenantApiKeysIT}'s.
 */
@WebMvcTest(
    controllers = {TenantController.class, TenantApiKeyController.class},
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
          Instant.parse("2026-11-26T15:04:05.123Z"),
          TenantStatus.ACTIVE);

  @Autowired MockMvc mvc;
  @MockitoBean TenantProvisioning provisioning;
  @MockitoBean TenantStore store;
  @MockitoBean ApiKeyStore keyStore;
  @MockitoBean TenantApiKeys keys;

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
   * the store, the provisioning or the key management.
   */
  MockHttpServletResponse assertRejected(MockHttpServletRequestBuilder request, String problem)
      throws Exception {
    MockHttpServletResponse response = send(request);
    assertBody(response, JSON.readTree(problem).get("status").asInt(), problem);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    verifyNoInteractions(provisioning, store, keys);
    return response;
  }

  /** The response has this status and exactly this JSON body. */
  static void assertBody(MockHttpServletResponse response, int status, String json)
      throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(JSON.readTree(json));
  }

  /** {@link #ACME} as the API shows it, with more members ({@code , "name": …}) at the end. */
  static String acmeJson(String moreMembers) {
    return """
        {"tenantId": "tenant-k3x9q2m4p7w8r5t1v6y0", "name": "Acme Corp",
         "plan": "enterprise", "region": "eu-west-1", "currency": "EUR",
         "timezone": "Europe/Berlin", "features": [],
         "createdAt": "2026-11-26T15:04:05.123Z", "status": "active"%s}
        """
        .formatted(moreMembers);
  }

  /** A problem body without {@code errors}. */
  static String problem(int status, String type, String title, String instance, String detail) {
    return JSON.writeValueAsString(
        Map.of(
            "type", "https://salestalk.dev/problems/" + type,
            "title", title,
            "status", status,
            "instance", instance,
            "detail", detail));
  }

  /** The 422 problem body for one offending field of a create. */
  static String singleViolation(String field, String message) {
    return """
        {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
         "status": 422, "instance": "/api/v1/tenants", "detail": "The request is invalid: %s %s",
         "errors": [{"field": "%s", "message": "%s"}]}
        """
        .formatted(field, message, field, message);
  }

  @Nested
  class Authentication {

    static final String MISSING =
        "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'";
    static final String VALID_BODY = "{\"name\":\"A\",\"plan\":\"trial\"}";

    /** The 401 problem body for a request to {@code path}. */
    static String unauthorized(String path, String detail) {
      return problem(401, "unauthorized", "Unauthorized", path, detail);
    }

    @Test
    void createWithoutTheAdminTokenIsUnauthorized() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              post(TENANTS).contentType(MediaType.APPLICATION_JSON).content(VALID_BODY),
              unauthorized(TENANTS, MISSING));
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
                  .content(VALID_BODY),
              unauthorized(TENANTS, "The admin token is not valid"));
      assertThat(response.getHeader("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"salestalk-admin\", error=\"invalid_token\"");
    }

    @Test
    void readsNeedTheAdminTokenToo() throws Exception {
      String path = TENANTS + "/" + ACME.id().value();
      assertRejected(get(path), unauthorized(path, MISSING));
    }
  }

  @Nested
  class CreateBodies {

    @Test
    void malformedJsonIsBadRequest() throws Exception {
      assertRejected(
          create("{\"name\": \"A\", \"plan\": "),
          problem(
              400,
              "malformed-json",
              "Malformed JSON",
              TENANTS,
              "The body is not well-formed JSON: Unexpected end-of-input within/between Object entries (line 1, column 23)"));
    }

    @Test
    void anEmptyBodyIsBadRequest() throws Exception {
      assertRejected(
          create(""),
          problem(
              400,
              "malformed-json",
              "Malformed JSON",
              TENANTS,
              "The request body is missing or unreadable; send a JSON object"));
    }

    /** Wrong JSON types, an unknown field and invalid values: a 422 naming the one field. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"name": 42, "plan": "trial"}                        | name     | must be a string
            {"name": "A", "plan": ["trial"]}                     | plan     | must be a string
            {"name": "A", "plan": "trial", "tenantId": "t-1"}    | tenantId | is not a known field; allowed: currency, name, plan, region, timezone
            {"plan": "trial"}                                    | name     | is required
            {"name": "Evil\\u0007Corp", "plan": "trial"}        | name     | must not contain control characters
            {"name": "A", "plan": "platinum"}                    | plan     | must be one of trial, standard, enterprise
            """)
    void anInvalidFieldIsRejectedNamingIt(String body, String field, String message)
        throws Exception {
      assertRejected(create(body), singleViolation(field, message));
    }

    @Test
    void aFiveHundredCharacterNameIsRejectedNamingIt() throws Exception {
      assertRejected(
          create("{\"name\":\"" + "n".repeat(500) + "\",\"plan\":\"trial\"}"),
          singleViolation("name", "must be at most 200 characters, got 500"));
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
          problem(
              413,
              "payload-too-large",
              "Payload too large",
              TENANTS,
              "The request body exceeds the limit of 16384 bytes"));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsBadRequest() throws Exception {
      assertRejected(
          create("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"plan\":\"trial\"}"),
          problem(
              400,
              "json-limits",
              "JSON limit exceeded",
              TENANTS,
              "The JSON body nests deeper than the limit of 32 levels"));
    }

    @Test
    void aFormBodyIsAnUnsupportedMediaType() throws Exception {
      assertRejected(
          post(TENANTS)
              .with(admin())
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .content("name=A&plan=trial"),
          problem(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              TENANTS,
              "Content-Type 'application/x-www-form-urlencoded' is not supported by /api/v1/tenants; send application/json"));
    }

    @Test
    void deleteIsNotAllowed() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              delete(TENANTS).with(admin()),
              problem(
                  405,
                  "method-not-allowed",
                  "Method not allowed",
                  TENANTS,
                  "Method DELETE is not supported by /api/v1/tenants; allowed: GET, POST"));
      // Spring lists the methods in no fixed order
      assertThat(response.getHeader("Allow").split(", ")).containsExactlyInAnyOrder("GET", "POST");
    }
  }

  @Nested
  class Reads {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            pageToken | !!  | is not a token this API issued
            size      | 0   | must be between 1 and 100
            size      | 101 | must be between 1 and 100
            size      | ten | must be an integer
            """)
    void aBadPageParameterIsAnInvalidParameter(String name, String value, String message)
        throws Exception {
      assertRejected(
          get(TENANTS).with(admin()).param(name, value),
          """
          {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
           "status": 400, "instance": "/api/v1/tenants", "detail": "Invalid %s: %s",
           "errors": [{"field": "%s", "message": "%s"}]}
          """
              .formatted(name, message, name, message));
    }

    @Test
    void aMalformedTenantIdIsNotFoundWithoutALookup() throws Exception {
      assertRejected(
          get(TENANTS + "/not-a-tenant").with(admin()),
          problem(
              404,
              "not-found",
              "Not found",
              "/api/v1/tenants/not-a-tenant",
              "No tenant with id not-a-tenant"));
    }

    @Test
    void anUnknownTenantIsNotFound() throws Exception {
      assertBody(
          send(get(TENANTS + "/tenant-doesnotexist").with(admin())),
          404,
          problem(
              404,
              "not-found",
              "Not found",
              "/api/v1/tenants/tenant-doesnotexist",
              "No tenant with id tenant-doesnotexist"));
      verify(store).find(TenantId.of("tenant-doesnotexist"));
    }

    @Test
    void aTenantIsShownWithoutItsKey() throws Exception {
      when(store.find(ACME.id())).thenReturn(Optional.of(ACME));

      assertBody(send(get(TENANTS + "/" + ACME.id().value()).with(admin())), 200, acmeJson(""));
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
          .thenReturn(new TenantProvisioning.Created(ACME, "stk_secret", "key-first"));

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
      assertBody(
          response, 201, acmeJson(", \"apiKeyId\": \"key-first\", \"apiKey\": \"stk_secret\""));
      ArgumentCaptor<Flow> flow = ArgumentCaptor.forClass(Flow.class);
      verify(provisioning)
          .create(
              eq(new NewTenant("Acme Corp", Plan.ENTERPRISE, "eu-west-1", "EUR", "Europe/Berlin")),
              eq("key-1"),
              flow.capture());
      assertThat(flow.getValue().correlationId()).isEqualTo(UUID.fromString(correlation));
    }

    @Test
    void aReplayIsOkWithTheTenantAndHowToGetAKeyButNoKey() throws Exception {
      when(provisioning.create(any(), eq("key-1"), any()))
          .thenReturn(new TenantProvisioning.Replayed(ACME));

      MockHttpServletResponse response =
          send(
              create("{\"name\":\"Acme Corp\",\"plan\":\"enterprise\"}")
                  .header("Idempotency-Key", "key-1"));

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getHeader("Location")).isEqualTo(TENANTS + "/" + ACME.id().value());
      assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("true");
      assertBody(
          response,
          200,
          acmeJson(
              """
              , "apiKeyRecovery": "The API key was shown only in the response that created this tenant. If that response was lost, issue a new key with POST /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys, then revoke the lost one with DELETE /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys/{keyId} (GET /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys lists the key ids)."
              """));
    }
  }

  @Nested
  class StatusChanges {

    static final String SUSPEND = TENANTS + "/" + ACME.id().value() + "/suspend";

    @Test
    void suspendNeedsTheAdminToken() throws Exception {
      assertRejected(
          post(SUSPEND),
          problem(
              401,
              "unauthorized",
              "Unauthorized",
              SUSPEND,
              "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'"));
    }

    @Test
    void aMalformedTenantIdIsNotFoundWithoutALookup() throws Exception {
      assertRejected(
          post(TENANTS + "/not-a-tenant/resume").with(admin()),
          problem(
              404,
              "not-found",
              "Not found",
              TENANTS + "/not-a-tenant/resume",
              "No tenant with id not-a-tenant"));
    }

    @Test
    void anUnknownTenantIsNotFound() throws Exception {
      when(store.setStatus(ACME.id(), TenantStatus.SUSPENDED)).thenReturn(Optional.empty());

      assertBody(
          send(post(SUSPEND).with(admin())),
          404,
          problem(
              404, "not-found", "Not found", SUSPEND, "No tenant with id " + ACME.id().value()));
    }

    @Test
    void suspendAndResumeAnswerWithTheTenantInItsNewStatus() throws Exception {
      Tenant suspended =
          new Tenant(
              ACME.id(),
              ACME.name(),
              ACME.plan(),
              ACME.region(),
              ACME.currency(),
              ACME.timezone(),
              ACME.features(),
              ACME.createdAt(),
              TenantStatus.SUSPENDED);
      when(store.setStatus(ACME.id(), TenantStatus.SUSPENDED)).thenReturn(Optional.of(suspended));
      when(store.setStatus(ACME.id(), TenantStatus.ACTIVE)).thenReturn(Optional.of(ACME));

      MockHttpServletResponse suspend = send(post(SUSPEND).with(admin()));
      MockHttpServletResponse resume =
          send(post(TENANTS + "/" + ACME.id().value() + "/resume").with(admin()));

      assertThat(suspend.getStatus()).isEqualTo(200);
      assertThat(JSON.readTree(suspend.getContentAsString()).get("status").asString())
          .isEqualTo("suspended");
      assertThat(resume.getStatus()).isEqualTo(200);
      assertThat(JSON.readTree(resume.getContentAsString()).get("status").asString())
          .isEqualTo("active");
    }

    @Test
    void getIsNotAllowedOnSuspend() throws Exception {
      assertRejected(
          get(SUSPEND).with(admin()),
          problem(
              405,
              "method-not-allowed",
              "Method not allowed",
              SUSPEND,
              "Method GET is not supported by " + SUSPEND + "; allowed: POST"));
    }
  }

  @Nested
  class ApiKeys {

    static final String KEYS = TENANTS + "/" + ACME.id().value() + "/api-keys";
    static final ApiKey ISSUED =
        new ApiKey("key-new", Instant.parse("2026-11-26T16:00:00Z"), null, null);

    @Test
    void everyKeyEndpointNeedsTheAdminToken() throws Exception {
      String missing =
          "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'";
      assertRejected(post(KEYS), problem(401, "unauthorized", "Unauthorized", KEYS, missing));
      assertRejected(get(KEYS), problem(401, "unauthorized", "Unauthorized", KEYS, missing));
      assertRejected(
          delete(KEYS + "/key-new"),
          problem(401, "unauthorized", "Unauthorized", KEYS + "/key-new", missing));
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            POST   | /api/v1/tenants/not-a-tenant/api-keys                            | No tenant with id not-a-tenant
            GET    | /api/v1/tenants/not-a-tenant/api-keys                            | No tenant with id not-a-tenant
            DELETE | /api/v1/tenants/not-a-tenant/api-keys/key-new                    | No tenant with id not-a-tenant
            DELETE | /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys/stk_secret  | No API key stk_secret of tenant tenant-k3x9q2m4p7w8r5t1v6y0
            DELETE | /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys/key-UPPER   | No API key key-UPPER of tenant tenant-k3x9q2m4p7w8r5t1v6y0
            """)
    void aMalformedTenantOrKeyIdIsNotFoundWithoutALookup(String method, String path, String detail)
        throws Exception {
      assertRejected(
          request(HttpMethod.valueOf(method), path).with(admin()),
          problem(404, "not-found", "Not found", path, detail));
    }

    @Test
    void anUnknownTenantOrKeyIsNotFound() throws Exception {
      when(keys.list(ACME.id())).thenReturn(Optional.empty());
      doThrow(ProblemException.notFound("No API key key-gone of tenant " + ACME.id().value()))
          .when(keys)
          .revoke(ACME.id(), "key-gone");

      assertBody(
          send(get(KEYS).with(admin())),
          404,
          problem(404, "not-found", "Not found", KEYS, "No tenant with id " + ACME.id().value()));
      assertBody(
          send(delete(KEYS + "/key-gone").with(admin())),
          404,
          problem(
              404,
              "not-found",
              "Not found",
              KEYS + "/key-gone",
              "No API key key-gone of tenant " + ACME.id().value()));
    }

    @Test
    void anIssuedKeyIsAnsweredOnce() throws Exception {
      when(keys.issue(ACME.id(), "rotate-1"))
          .thenReturn(
              new TenantApiKeys.Issued(ISSUED, "stk_new", Instant.parse("2026-11-27T16:00:00Z")));

      MockHttpServletResponse response =
          send(post(KEYS).with(admin()).header("Idempotency-Key", "rotate-1"));

      assertBody(
          response,
          201,
          """
          {"keyId": "key-new", "apiKey": "stk_new", "createdAt": "2026-11-26T16:00:00Z",
           "previousKeysExpireAt": "2026-11-27T16:00:00Z"}
          """);
    }

    @Test
    void aReplayedIssueNamesTheKeyAndHowToGetANewOne() throws Exception {
      when(keys.issue(ACME.id(), "rotate-1")).thenReturn(new TenantApiKeys.Replayed("key-new"));

      MockHttpServletResponse response =
          send(post(KEYS).with(admin()).header("Idempotency-Key", "rotate-1"));

      assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("true");
      assertBody(
          response,
          200,
          """
          {"keyId": "key-new",
           "apiKeyRecovery": "The API key was shown only in the response that issued key-new. If that response was lost, issue a new key with POST /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys (with another Idempotency-Key), then revoke the lost one with DELETE /api/v1/tenants/tenant-k3x9q2m4p7w8r5t1v6y0/api-keys/key-new."}
          """);
    }

    @Test
    void theListShowsIdsStatesAndTimesOnly() throws Exception {
      when(keys.list(ACME.id()))
          .thenReturn(
              Optional.of(
                  List.of(
                      new ApiKey(
                          "key-old",
                          Instant.parse("2020-01-01T00:00:00Z"),
                          Instant.parse("2020-01-02T00:00:00Z"),
                          null),
                      new ApiKey(
                          "key-cut",
                          Instant.parse("2020-01-01T00:00:01Z"),
                          null,
                          Instant.parse("2020-01-01T00:00:02Z")),
                      new ApiKey(
                          "key-grace",
                          Instant.parse("2020-01-03T00:00:00Z"),
                          Instant.parse("2999-01-01T00:00:00Z"),
                          null),
                      ISSUED)));

      assertBody(
          send(get(KEYS).with(admin())),
          200,
          """
          {"items": [
            {"keyId": "key-old", "status": "expired", "createdAt": "2020-01-01T00:00:00Z",
             "expiresAt": "2020-01-02T00:00:00Z", "revokedAt": null},
            {"keyId": "key-cut", "status": "revoked", "createdAt": "2020-01-01T00:00:01Z",
             "expiresAt": null, "revokedAt": "2020-01-01T00:00:02Z"},
            {"keyId": "key-grace", "status": "expiring", "createdAt": "2020-01-03T00:00:00Z",
             "expiresAt": "2999-01-01T00:00:00Z", "revokedAt": null},
            {"keyId": "key-new", "status": "active", "createdAt": "2026-11-26T16:00:00Z",
             "expiresAt": null, "revokedAt": null}]}
          """);
    }

    @Test
    void revokingAnswersNoContent() throws Exception {
      MockHttpServletResponse response = send(delete(KEYS + "/key-new").with(admin()));

      assertThat(response.getStatus()).isEqualTo(204);
      assertThat(response.getContentAsString()).isEmpty();
      verify(keys).revoke(ACME.id(), "key-new");
    }

    @Test
    void putIsNotAllowedOnTheKeys() throws Exception {
      MockHttpServletResponse response =
          assertRejected(
              put(KEYS).with(admin()),
              problem(
                  405,
                  "method-not-allowed",
                  "Method not allowed",
                  KEYS,
                  "Method PUT is not supported by " + KEYS + "; allowed: GET, POST"));
      assertThat(response.getHeader("Allow").split(", ")).containsExactlyInAnyOrder("GET", "POST");
    }
  }
}
