package com.salestalk.validation.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports API with service-kit's authentication and problem handling in front; DynamoDB is a
 * mock. The flow against the emulator is {@code ValidationIT}'s.
 */
@WebMvcTest(
    controllers = QualityReportController.class,
    properties = {
      "salestalk.validation.table=slice-reports",
      "salestalk.validation.bucket=slice-bucket"
    })
@ActiveProfiles("local")
class QualityReportControllerTest {

  static final String API_KEY = ApiKeys.generate();
  static final TenantId TENANT = TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0");
  static final String UPLOAD = "upl-019a3c5e7f21-k3v9q2m8xz";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestConfiguration
  static class Fakes {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash -> hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TENANT) : Optional.empty();
    }

    @Bean
    ReportItems reportItems() {
      return new ReportItems("slice-reports");
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean DynamoDbClient dynamoDb;

  MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  void assertProblem(MockHttpServletResponse response, int status, String problem)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(JSON.readTree(problem));
  }

  @Test
  void answersTheTenantsReportReadConsistentlyByTenantAndUpload() throws Exception {
    when(dynamoDb.getItem(any(GetItemRequest.class)))
        .thenReturn(
            GetItemResponse.builder()
                .item(
                    new ReportItems("slice-reports")
                        .put(
                            TENANT,
                            UPLOAD,
                            UUID.randomUUID(),
                            SampleReports.oneDuplicate(),
                            Instant.parse("2026-04-10T08:00:01.250Z"))
                        .put()
                        .item())
                .build());

    MockHttpServletResponse response =
        send(get("/api/v1/quality-reports/" + UPLOAD).header("X-Api-Key", API_KEY));

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.getContentAsString());
    assertThat(body.propertyNames()).containsExactly("uploadId", "status", "checks", "checkedAt");
    assertThat(body.get("uploadId").asString()).isEqualTo(UPLOAD);
    assertThat(body.get("status").asString()).isEqualTo("failed");
    assertThat(body.get("checkedAt").asString()).isEqualTo("2026-04-10T08:00:01.250Z");
    assertThat(body.get("checks").valueStream().map(c -> c.get("name").asString()))
        .containsExactly(
            "completeness", "uniqueness", "gaps", "non-negative", "outliers", "freshness");
    assertThat(body.get("checks").get(1))
        .isEqualTo(
            JSON.readTree(
                """
                {"name": "uniqueness", "passed": false, "severity": "failure", "value": 0.5,
                 "threshold": 1, "score": 0.5,
                 "details": [{"metric": "revenue", "date": "2026-03-02",
                              "dimensions": {"region": "EMEA"}, "rows": [2, 3], "count": 2}],
                 "detailsTotal": 1, "detailsTruncated": false}
                """));
    verify(dynamoDb)
        .getItem(
            GetItemRequest.builder()
                .tableName("slice-reports")
                .key(
                    Map.of(
                        "tenantId",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                            TENANT.value()),
                        "uploadId",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                            UPLOAD)))
                .consistentRead(true)
                .build());
  }

  @Test
  void anUploadWithoutReportIsNotFoundWhetherUncheckedOrAnotherTenants() throws Exception {
    when(dynamoDb.getItem(any(GetItemRequest.class))).thenReturn(GetItemResponse.builder().build());

    assertProblem(
        send(get("/api/v1/quality-reports/" + UPLOAD).header("X-Api-Key", API_KEY)),
        404,
        """
        {"type": "https://salestalk.dev/problems/not-found", "title": "Not found", "status": 404,
         "detail": "No quality report for upload upl-019a3c5e7f21-k3v9q2m8xz: it is not an upload\
         of this tenant, or it has not been checked yet (its report appears once its\
         metrics.ingested.v1 event is handled)",
         "instance": "/api/v1/quality-reports/upl-019a3c5e7f21-k3v9q2m8xz"}
        """);
  }

  @Test
  void aMalformedUploadIdIsRefusedNamingTheForm() throws Exception {
    assertProblem(
        send(get("/api/v1/quality-reports/upl-NOT-AN-ID").header("X-Api-Key", API_KEY)),
        400,
        """
        {"type": "https://salestalk.dev/problems/invalid-parameter", "title": "Invalid parameter",
         "status": 400,
         "detail": "Invalid uploadId: is not an upload id (upl-, 12 hex digits, '-', 10 lowercase\
         letters or digits)",
         "instance": "/api/v1/quality-reports/upl-NOT-AN-ID",
         "errors": [{"field": "uploadId", "message": "is not an upload id (upl-, 12 hex digits,\
         '-', 10 lowercase letters or digits)"}]}
        """);
    verifyNoInteractions(dynamoDb);
  }

  @Test
  void withoutAValidKeyNothingIsRead() throws Exception {
    MockHttpServletResponse missing = send(get("/api/v1/quality-reports/" + UPLOAD));
    MockHttpServletResponse wrong =
        send(get("/api/v1/quality-reports/" + UPLOAD).header("X-Api-Key", ApiKeys.generate()));

    assertThat(missing.getStatus()).isEqualTo(401);
    assertThat(JSON.readTree(missing.getContentAsString()).get("type").asString())
        .isEqualTo("https://salestalk.dev/problems/unauthorized");
    assertThat(wrong.getStatus()).isEqualTo(401);
    assertThat(wrong.getHeader("WWW-Authenticate")).isNotNull();
    verifyNoInteractions(dynamoDb);
  }
}
