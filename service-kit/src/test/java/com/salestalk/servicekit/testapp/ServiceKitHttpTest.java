package com.salestalk.servicekit.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.testing.Http;
import com.salestalk.servicekit.testing.Http.Reply;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Every service-kit behaviour over real HTTP against the test application. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ServiceKitHttpTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String WIDGETS = "/api/test/widgets";

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private Reply postWidget(String body) {
    return postWidgetAs("Bearer " + TestApp.ADMIN_TOKEN, body);
  }

  private Reply postWidgetAs(String authorization, String body) {
    return http.send("POST", WIDGETS, body, "Content-Type", JSON, "Authorization", authorization);
  }

  /** Posts a widget as a stream of unknown length (chunked, no Content-Length). */
  private Reply postWidgetChunked(String body) {
    return http.sendChunked(
        "POST",
        WIDGETS,
        body,
        "Content-Type",
        JSON,
        "Authorization",
        "Bearer " + TestApp.ADMIN_TOKEN);
  }

  private static void assertProblem(Reply reply, int status, String type, String title) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo(PROBLEM);
    JsonNode json = reply.json();
    assertThat(json.get("type").asString()).isEqualTo("https://salestalk.dev/problems/" + type);
    assertThat(json.get("title").asString()).isEqualTo(title);
    assertThat(json.get("status").asInt()).isEqualTo(status);
  }

  private static void assertSingleViolation(Reply reply, String field, String message) {
    assertProblem(reply, 422, "validation", "Request validation failed");
    JsonNode errors = reply.json().get("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
    assertThat(reply.json().get("detail").asString())
        .isEqualTo("The request is invalid: " + field + " " + message);
  }

  @Nested
  class Routing {
    @Test
    void unknownApiPathIsNotFoundProblem() {
      Reply reply = http.send("GET", "/api/nope", null);
      assertProblem(reply, 404, "not-found", "Not found");
      assertThat(reply.json().get("detail").asString()).isEqualTo("No endpoint GET /api/nope");
      assertThat(reply.json().get("instance").asString()).isEqualTo("/api/nope");
    }

    @Test
    void unknownStaticPathIsNotFoundProblem() {
      Reply reply = http.send("GET", "/nothing/here.html", null);
      assertProblem(reply, 404, "not-found", "Not found");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("No endpoint GET /nothing/here.html");
    }

    @Test
    void problemMembersComeInRfcOrderWithErrorsLast() {
      Reply reply = postWidget("{\"name\":1}");
      java.util.List<String> names = new java.util.ArrayList<>();
      reply.json().propertyNames().forEach(names::add);
      assertThat(names).containsExactly("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void errorPathCalledDirectlyIsNotFoundProblem() {
      Reply reply = http.send("GET", "/error", null);
      assertProblem(reply, 404, "not-found", "Not found");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblemWithAllowHeader() {
      Reply reply = http.send("DELETE", WIDGETS, null);
      assertProblem(reply, 405, "method-not-allowed", "Method not allowed");
      assertThat(reply.header("Allow")).isEqualTo("POST");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("Method DELETE is not supported by /api/test/widgets; allowed: POST");
    }

    @Test
    void wrongMediaTypeIsUnsupportedMediaTypeProblem() {
      Reply reply =
          http.send(
              "POST",
              WIDGETS,
              "name=x",
              "Content-Type",
              "text/plain",
              "Authorization",
              "Bearer " + TestApp.ADMIN_TOKEN);
      assertProblem(reply, 415, "unsupported-media-type", "Unsupported media type");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo(
              "Content-Type 'text/plain' is not supported by /api/test/widgets; send"
                  + " application/json");
    }

    @Test
    void problemThrownByHandlerIsRendered() {
      Reply reply =
          http.send(
              "GET", WIDGETS + "/w-2", null, "Authorization", "Bearer " + TestApp.ADMIN_TOKEN);
      assertProblem(reply, 404, "not-found", "Not found");
      assertThat(reply.json().get("detail").asString()).isEqualTo("No widget with id w-2");
      assertThat(reply.json().get("instance").asString()).isEqualTo("/api/test/widgets/w-2");
    }

    @Test
    void queryParameterOfWrongTypeIsInvalidParameterProblem() {
      Reply reply =
          http.send(
              "GET",
              WIDGETS + "/w-1?size=abc",
              null,
              "Authorization",
              "Bearer " + TestApp.ADMIN_TOKEN);
      assertProblem(reply, 400, "invalid-parameter", "Invalid parameter");
      assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
      assertThat(reply.json().get("errors").get(0).get("message").asString())
          .isEqualTo("must be an integer");
    }

    @Test
    void bugIsInternalProblemWithReferenceAndWithoutInternals() {
      Reply reply =
          http.send(
              "GET", "/api/test/boom", null, "Authorization", "Bearer " + TestApp.ADMIN_TOKEN);
      assertProblem(reply, 500, "internal", "Internal server error");
      String reference = reply.json().get("reference").asString();
      assertThat(UUID.fromString(reference)).isNotNull();
      assertThat(reply.json().get("detail").asString())
          .isEqualTo(
              "An unexpected error occurred; it has been logged with reference " + reference);
      assertThat(reply.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }
  }

  @Nested
  class Bodies {
    @Test
    void wellFormedBodyIsBound() {
      Reply reply =
          postWidget(
              "{\"name\":\"a\",\"count\":2,\"enabled\":true,\"tags\":[\"x\"],\"part\":{\"sku\":\"s\"}}");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("part").get("sku").asString()).isEqualTo("s");
    }

    @Test
    void malformedJsonIsBadRequest() {
      Reply reply = postWidget("{\"name\": ");
      assertProblem(reply, 400, "malformed-json", "Malformed JSON");
      assertThat(reply.json().get("detail").asString())
          .startsWith("The body is not well-formed JSON: Unexpected end-of-input");
    }

    @Test
    void missingBodyIsBadRequest() {
      Reply reply = postWidget("");
      assertProblem(reply, 400, "malformed-json", "Malformed JSON");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body is missing or unreadable; send a JSON object");
    }

    @Test
    void whitespaceBodyIsBadRequest() {
      Reply reply = postWidget("   ");
      assertProblem(reply, 400, "malformed-json", "Malformed JSON");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body is empty; send a JSON object");
    }

    @Test
    void trailingContentIsBadRequest() {
      Reply reply = postWidget("{\"name\":\"a\"} {\"name\":\"b\"}");
      assertProblem(reply, 400, "malformed-json", "Malformed JSON");
    }

    @Test
    void duplicateKeyIsBadRequest() {
      Reply reply = postWidget("{\"name\":\"a\",\"name\":\"b\"}");
      assertProblem(reply, 400, "malformed-json", "Malformed JSON");
      assertThat(reply.json().get("detail").asString())
          .contains("Duplicate Object property \"name\"");
    }

    @Test
    void deeplyNestedJsonIsBadRequestEvenWhereATypeMismatchComesFirst() {
      String deep = "[".repeat(3000) + "]".repeat(3000);
      Reply reply = postWidget("{\"name\":" + deep + "}");
      assertProblem(reply, 400, "json-limits", "JSON limit exceeded");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The JSON body nests deeper than the limit of 16 levels");
    }

    @Test
    void deeplyNestedRootIsBadRequest() {
      Reply reply = postWidget("{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
      assertProblem(reply, 400, "json-limits", "JSON limit exceeded");
    }

    @Test
    void numberForStringFieldNamesTheField() {
      assertSingleViolation(postWidget("{\"name\":123}"), "name", "must be a string");
    }

    @Test
    void stringForIntegerFieldNamesTheField() {
      assertSingleViolation(postWidget("{\"count\":\"5\"}"), "count", "must be an integer");
    }

    @Test
    void integerBeyondItsFieldsRangeNamesTheField() {
      assertSingleViolation(
          postWidget("{\"count\":99999999999}"), "count", "is out of range for an integer");
      assertSingleViolation(
          postWidget("{\"count\":123456789012345678901234567890}"),
          "count",
          "is out of range for an integer");
    }

    @Test
    void hugeFloatForIntegerFieldNamesTheField() {
      assertSingleViolation(
          postWidget("{\"count\":1e400}"), "count", "is out of range for an integer");
    }

    @Test
    void stringForBooleanFieldNamesTheField() {
      assertSingleViolation(
          postWidget("{\"enabled\":\"true\"}"), "enabled", "must be true or false");
    }

    @Test
    void scalarForArrayFieldNamesTheField() {
      assertSingleViolation(postWidget("{\"tags\":\"x\"}"), "tags", "must be an array");
    }

    @Test
    void wrongElementTypeNamesTheIndex() {
      assertSingleViolation(postWidget("{\"tags\":[\"a\",7]}"), "tags[1]", "must be a string");
    }

    @Test
    void wrongNestedTypeNamesThePath() {
      assertSingleViolation(
          postWidget("{\"part\":{\"sku\":false}}"), "part.sku", "must be a string");
    }

    @Test
    void scalarForObjectFieldNamesTheField() {
      assertSingleViolation(postWidget("{\"part\":\"x\"}"), "part", "must be a JSON object");
    }

    @Test
    void unknownFieldIsRejectedListingTheAllowedOnes() {
      assertSingleViolation(
          postWidget("{\"name\":\"a\",\"color\":\"red\"}"),
          "color",
          "is not a known field; allowed: count, enabled, name, part, tags");
    }

    @Test
    void arrayBodyIsValidationProblem() {
      Reply reply = postWidget("[]");
      assertProblem(reply, 422, "validation", "Request validation failed");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body must be a JSON object");
    }

    @Test
    void handlerValidationListsTheField() {
      assertSingleViolation(postWidget("{\"name\":\"  \"}"), "name", "is required");
    }

    @Test
    void bodyOverTheLimitWithContentLengthIsPayloadTooLarge() {
      Reply reply = postWidget("{\"name\":\"" + "x".repeat(17 * 1024) + "\"}");
      assertProblem(reply, 413, "payload-too-large", "Payload too large");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The request body exceeds the limit of 16384 bytes");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
      Reply reply = postWidgetChunked("{\"name\":\"" + "x".repeat(40 * 1024) + "\"}");
      assertProblem(reply, 413, "payload-too-large", "Payload too large");
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() {
      Reply reply = postWidgetChunked("{\"name\":\"chunked\"}");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("name").asString()).isEqualTo("chunked");
    }
  }

  @Nested
  class AdminAuthentication {
    @Test
    void missingTokenIsUnauthorizedWithChallenge() {
      Reply reply = http.send("POST", WIDGETS, "{\"name\":\"a\"}", "Content-Type", JSON);
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"salestalk-admin\"");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo(
              "Missing credentials: admin endpoints need 'Authorization: Bearer <admin token>'");
    }

    @Test
    void wrongTokenIsUnauthorized() {
      Reply reply = postWidgetAs("Bearer " + TestApp.ADMIN_TOKEN + "x", "{\"name\":\"a\"}");
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
      assertThat(reply.header("WWW-Authenticate"))
          .isEqualTo("Bearer realm=\"salestalk-admin\", error=\"invalid_token\"");
      assertThat(reply.json().get("detail").asString()).isEqualTo("The admin token is not valid");
    }

    @Test
    void otherSchemeIsUnauthorized() {
      Reply reply = postWidgetAs("Basic " + TestApp.ADMIN_TOKEN, "{\"name\":\"a\"}");
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsRead() {
      Reply reply = http.send("POST", WIDGETS, "{\"name\": ", "Content-Type", JSON);
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
    }

    @Test
    void schemeIsCaseInsensitive() {
      Reply reply = postWidgetAs("bearer " + TestApp.ADMIN_TOKEN, "{\"name\":\"a\"}");
      assertThat(reply.status()).isEqualTo(200);
    }
  }

  @Nested
  class TenantAuthentication {
    @Test
    void missingKeyIsUnauthorized() {
      Reply reply = http.send("GET", "/api/test/me", null);
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("Missing credentials: send the tenant API key in the X-Api-Key header");
    }

    @Test
    void malformedKeyIsUnauthorizedWithoutALookup() {
      int before = TestApp.LOOKUPS.get();
      Reply reply = http.send("GET", "/api/test/me", null, "X-Api-Key", "not-a-key");
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
      assertThat(reply.json().get("detail").asString()).isEqualTo("The API key is not valid");
      assertThat(TestApp.LOOKUPS.get()).isEqualTo(before);
    }

    @Test
    void unknownKeyIsUnauthorized() {
      Reply reply = http.send("GET", "/api/test/me", null, "X-Api-Key", ApiKeys.generate());
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
    }

    @Test
    void validKeyResolvesTheTenantAndIsCached() {
      Reply first = http.send("GET", "/api/test/me", null, "X-Api-Key", TestApp.TENANT_KEY);
      int afterFirst = TestApp.LOOKUPS.get();
      Reply second = http.send("GET", "/api/test/me", null, "X-Api-Key", TestApp.TENANT_KEY);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json().get("tenantId").asString()).isEqualTo("tenant-kit");
      assertThat(second.json().get("tenantId").asString()).isEqualTo("tenant-kit");
      assertThat(TestApp.LOOKUPS.get()).isEqualTo(afterFirst);
    }

    @Test
    void adminTokenIsNotATenantKey() {
      Reply reply =
          http.send("GET", "/api/test/me", null, "Authorization", "Bearer " + TestApp.ADMIN_TOKEN);
      assertProblem(reply, 401, "unauthorized", "Unauthorized");
    }
  }

  @Nested
  class Correlation {
    @Test
    void correlationIdIsTakenFromTheHeaderAndEchoed() {
      String id = UUID.randomUUID().toString();
      Reply reply = http.send("GET", "/api/test/flow", null, "X-Correlation-Id", id);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("correlationId").asString()).isEqualTo(id);
      assertThat(reply.header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void correlationIdIsCreatedWhenAbsent() {
      Reply reply = http.send("GET", "/api/test/flow", null);
      String id = reply.json().get("correlationId").asString();
      assertThat(UUID.fromString(id).toString()).isEqualTo(id);
      assertThat(reply.header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void malformedCorrelationIdIsInvalidParameter() {
      Reply reply = http.send("GET", "/api/test/flow", null, "X-Correlation-Id", "abc");
      assertProblem(reply, 400, "invalid-parameter", "Invalid parameter");
      assertThat(reply.json().get("errors").get(0).get("field").asString())
          .isEqualTo("X-Correlation-Id");
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("Invalid X-Correlation-Id: must be a UUID");
    }

    @Test
    void traceIdComesFromTraceparent() {
      Reply reply =
          http.send(
              "GET",
              "/api/test/flow",
              null,
              "traceparent",
              "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      assertThat(reply.json().get("traceId").asString())
          .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  }
}
