package com.salestalk.metricshandler.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.servicekit.auth.TenantApiKeyLookup;
import com.salestalk.testsupport.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload API's request validation, the file checks and their problem bodies, with service-kit's
 * problem handling and authentication in front; S3 is an in-memory fake, the store and the outbox
 * are mocks. The flow against the emulator is {@code MetricsUploadIT}'s.
 */
@WebMvcTest(
    controllers = UploadController.class,
    properties = {
      "salestalk.uploads.table=slice-uploads",
      "salestalk.uploads.bucket=slice-bucket",
      "salestalk.uploads.max-rows=5",
      "salestalk.uploads.max-columns=6",
      "salestalk.uploads.max-cell-length=20"
    })
@Import({UploadsConfiguration.class, UploadControllerTest.Fakes.class})
@EnableConfigurationProperties(UploadsProperties.class)
@ActiveProfiles("local")
class UploadControllerTest {

  static final String UPLOADS = "/api/v1/metrics/uploads";
  static final String API_KEY = ApiKeys.generate();
  static final TenantId TENANT = TenantId.of("tenant-k3x9q2m4p7w8r5t1v6y0");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final InMemoryObjects OBJECTS = new InMemoryObjects();

  @TestConfiguration
  static class Fakes {
    @Bean
    TenantApiKeyLookup tenantApiKeyLookup() {
      return hash -> hash.equals(ApiKeys.hash(API_KEY)) ? Optional.of(TENANT) : Optional.empty();
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean UploadObjects objects;
  @MockitoBean UploadStore store;
  @MockitoBean Outbox outbox;
  @MockitoBean S3Client s3;

  @BeforeEach
  void fakes() {
    OBJECTS.stored.clear();
    when(objects.open(anyString(), anyString(), any()))
        .thenAnswer(i -> OBJECTS.open(i.getArgument(0), i.getArgument(1), i.getArgument(2)));
    when(store.putNew(any())).thenReturn(TransactWriteItem.builder().build());
    when(store.putContent(any(), anyString(), anyString()))
        .thenReturn(TransactWriteItem.builder().build());
  }

  static MockHttpServletRequestBuilder upload(String name, byte[] content) {
    return multipart("file", name, content).header("X-Api-Key", API_KEY);
  }

  /** A POST of a multipart/form-data body with one file part, encoded as a client sends it. */
  static MockHttpServletRequestBuilder multipart(String field, String fileName, byte[] content) {
    String boundary = "----slice-boundary-7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(Http.multipartHead(boundary, field, fileName));
    body.writeBytes(content);
    body.writeBytes(Http.multipartTail(boundary));
    return post(UPLOADS)
        .contentType("multipart/form-data; boundary=" + boundary)
        .content(body.toByteArray());
  }

  static MockHttpServletRequestBuilder upload(String csv) {
    return upload("metrics.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  MockHttpServletResponse send(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  /** The request is refused with exactly this problem body, and nothing was stored or written. */
  void assertRejected(RequestBuilder request, String problem) throws Exception {
    MockHttpServletResponse response = send(request);
    JsonNode expected = JSON.readTree(problem);
    assertThat(response.getStatus())
        .as(response.getContentAsString())
        .isEqualTo(expected.get("status").asInt());
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(JSON.readTree(response.getContentAsString())).isEqualTo(expected);
    assertThat(OBJECTS.stored).isEmpty();
    verifyNoInteractions(outbox);
  }

  /** A 422 about the file as a whole. */
  static String invalidFile(String message) {
    return JSON.writeValueAsString(
        Map.of(
            "type",
            "https://salestalk.dev/problems/validation",
            "title",
            "Request validation failed",
            "status",
            422,
            "instance",
            UPLOADS,
            "detail",
            "The file is invalid: " + message,
            "errors",
            List.of(Map.of("field", "file", "message", message))));
  }

  static String problem(int status, String type, String title, String detail) {
    return JSON.writeValueAsString(
        Map.of(
            "type", "https://salestalk.dev/problems/" + type,
            "title", title,
            "status", status,
            "instance", UPLOADS,
            "detail", detail));
  }

  static String tooLarge(String detail) {
    return problem(413, "payload-too-large", "Payload too large", detail);
  }

  static String notText(String detail) {
    return problem(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  /** The normalized rows the last accepted upload stored. */
  static List<JsonNode> storedRows() throws IOException {
    return storedLines().stream().map(JSON::readTree).toList();
  }

  /** The lines of the normalized object the last accepted upload stored. */
  static List<String> storedLines() throws IOException {
    byte[] gz =
        OBJECTS.stored.entrySet().stream()
            .filter(e -> e.getKey().endsWith(".rows.jsonl.gz"))
            .findFirst()
            .orElseThrow()
            .getValue();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().toList();
    }
  }

  static byte[] storedRaw() {
    return OBJECTS.stored.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".csv"))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  /** The request is refused with this status and problem type before any upload work started. */
  void assertRefusedEarly(RequestBuilder request, int status, String type) throws Exception {
    MockHttpServletResponse response = send(request);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(JSON.readTree(response.getContentAsString()).get("type").asString())
        .isEqualTo("https://salestalk.dev/problems/" + type);
    verifyNoInteractions(objects, store, outbox);
  }

  static MockHttpServletRequestBuilder part(String name) {
    return multipart(name, "m.csv", new byte[] {'a'});
  }

  @Nested
  class Requests {

    @Test
    void anUploadWithoutAKeyIsUnauthorized() throws Exception {
      assertRefusedEarly(part("file"), 401, "unauthorized");
    }

    @Test
    void anUploadWithAnUnknownKeyIsUnauthorized() throws Exception {
      assertRefusedEarly(part("file").header("X-Api-Key", ApiKeys.generate()), 401, "unauthorized");
    }

    @Test
    void anotherTenantsUploadIsNotFound() throws Exception {
      MockHttpServletResponse response =
          send(get(UPLOADS + "/upl-019ad3e1c2a0-abcdefghij").header("X-Api-Key", API_KEY));
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(JSON.readTree(response.getContentAsString()))
          .isEqualTo(
              JSON.readTree(
                  JSON.writeValueAsString(
                      Map.of(
                          "type", "https://salestalk.dev/problems/not-found",
                          "title", "Not found",
                          "status", 404,
                          "instance", UPLOADS + "/upl-019ad3e1c2a0-abcdefghij",
                          "detail", "No upload with id upl-019ad3e1c2a0-abcdefghij"))));
      verify(store).find(TENANT, "upl-019ad3e1c2a0-abcdefghij");
    }

    @Test
    void aBodyThatIsNotMultipartIsUnsupported() throws Exception {
      assertRefusedEarly(
          post(UPLOADS)
              .header("X-Api-Key", API_KEY)
              .contentType(MediaType.TEXT_PLAIN)
              .content("date,metric,value\n2026-01,revenue,1\n"),
          415,
          "unsupported-media-type");
    }

    @Test
    void aPartWithAnotherNameIsABadRequest() throws Exception {
      MockHttpServletResponse response = send(part("upload").header("X-Api-Key", API_KEY));
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
      assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString())
          .contains("'file'");
      verifyNoInteractions(objects, store, outbox);
    }

    @Test
    void aPageSizeOutOfRangeIsAnInvalidParameter() throws Exception {
      MockHttpServletResponse response =
          send(get(UPLOADS + "?size=0").header("X-Api-Key", API_KEY));
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(JSON.readTree(response.getContentAsString()).get("errors").toString())
          .isEqualTo("[{\"field\":\"size\",\"message\":\"must be between 1 and 100\"}]");
    }

    @Test
    void aForeignPageTokenIsAnInvalidParameter() throws Exception {
      MockHttpServletResponse response =
          send(get(UPLOADS + "?pageToken=bm9wZQ").header("X-Api-Key", API_KEY));
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(JSON.readTree(response.getContentAsString()).get("errors").toString())
          .isEqualTo("[{\"field\":\"pageToken\",\"message\":\"is not a token this API issued\"}]");
    }
  }

  @Nested
  class BadFiles {

    @Test
    void anEmptyFile() throws Exception {
      assertRejected(upload(""), invalidFile("the file is empty"));
    }

    @Test
    void aHeaderOnly() throws Exception {
      assertRejected(
          upload("date,metric,value\r\n"), invalidFile("the file has a header but no data rows"));
    }

    @Test
    void aRequiredColumnMissing() throws Exception {
      assertRejected(
          upload("Date, Metric ,region\n2026-01,revenue,EU\n"),
          invalidFile(
              "the required column 'value' is missing (the header has: date, metric, region;"
                  + " separator detected)"));
    }

    @Test
    void noSeparatorFound() throws Exception {
      assertRejected(
          upload("date|metric|value\n2026-01|revenue|1\n"),
          invalidFile(
              "the required columns 'date', 'metric', 'value' are missing (the header has:"
                  + " date|metric|value; separator not found: use comma, semicolon or tab between"
                  + " the columns)"));
    }

    @Test
    void aDuplicateColumn() throws Exception {
      assertRejected(
          upload("date,metric,value,Region,region\n2026-01,revenue,1,EU,US\n"),
          invalidFile("the column 'region' appears twice in the header (columns 4 and 5)"));
    }

    @Test
    void onlyRowsWithAnUnknownDateFormatOrANonNumericValue() throws Exception {
      assertRejected(
          upload("date,metric,value\n01/31/2026,revenue,1\n2026-01,revenue,abc\n"),
          """
          {"type": "https://salestalk.dev/problems/validation", "title": "Request validation failed",
           "status": 422, "instance": "/api/v1/metrics/uploads",
           "detail": "The file is invalid: none of its 2 rows are acceptable",
           "errors": [
             {"field": "rows[1]", "message": "line 2: date '01/31/2026' is not YYYY-MM-DD or YYYY-MM"},
             {"field": "rows[2]", "message": "line 3: value 'abc' is not a decimal number (digits, an optional sign, '.' as decimal point)"}]}
          """);
    }

    @Test
    void aRowWithMoreFieldsThanTheHeader() throws Exception {
      assertRejected(
          upload("date,metric,value\n2026-01,revenue,1\n2026-02,revenue,1,extra\n"),
          invalidFile("row 2 (line 3) has 4 fields; the header has 3"));
    }

    @Test
    void moreRowsThanTheLimit() throws Exception {
      assertRejected(
          upload("date,metric,value\n" + "2026-01,revenue,1\n".repeat(6)),
          tooLarge("The file has more than 5 data rows (the limit)"));
    }

    @Test
    void moreColumnsThanTheLimit() throws Exception {
      assertRejected(
          upload("date,metric,value,a,b,c,d\n2026-01,revenue,1,1,2,3,4\n"),
          tooLarge("The header has 7 columns; at most 6 are allowed"));
    }

    @Test
    void aCellOverTheLimit() throws Exception {
      assertRejected(
          upload("date,metric,value,region\n2026-01,revenue,1," + "x".repeat(21) + "\n"),
          invalidFile(
              "row 1 (line 2), column 'region': the cell has 21 characters; at most 20 are"
                  + " allowed"));
    }

    @Test
    void bytesThatAreNotUtf8() throws Exception {
      byte[] latin1 =
          "date,metric,value,region\n2026-01,revenue,1,M\u00fcnchen\n"
              .getBytes(StandardCharsets.ISO_8859_1);
      assertRejected(
          upload("latin1.csv", latin1),
          invalidFile("the file is not UTF-8 text: invalid bytes on line 2"));
    }

    @Test
    void aZipRenamedCsv() throws Exception {
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(zip)) {
        out.putNextEntry(new ZipEntry("metrics.csv"));
        out.write("date,metric,value\n2026-01,revenue,1\n".getBytes(StandardCharsets.UTF_8));
      }
      assertRejected(
          upload("metrics.csv", zip.toByteArray()),
          notText("The file is a ZIP archive (or an Office document), not CSV text"));
    }

    @Test
    void otherBinaryBytes() throws Exception {
      assertRejected(
          upload("image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}),
          notText("The file contains NUL bytes: it is binary, not CSV text"));
    }

    @Test
    void anUnclosedQuote() throws Exception {
      assertRejected(
          upload("date,metric,value,region\n2026-01,revenue,1,EU\n2026-02,revenue,2,\"EU\n"),
          invalidFile("Unclosed quoted field at end of input (record starting at line 3)"));
    }
  }

  @Nested
  class AcceptedFiles {

    List<JsonNode> accepted(String csv, int expectedRows) throws Exception {
      MockHttpServletResponse response = send(upload(csv));
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
      JsonNode body = JSON.readTree(response.getContentAsString());
      assertThat(body.get("acceptedRows").asLong()).isEqualTo(expectedRows);
      assertThat(response.getHeader("Location"))
          .isEqualTo(UPLOADS + "/" + body.get("uploadId").asString());
      return storedRows();
    }

    @Test
    void aBomCrlfQuotedCommasAndNewlinesAndBlankTrailingLines() throws Exception {
      accepted(
          "\uFEFFdate,metric,value,region\r\n"
              + "2026-01-31,revenue,\"1234.50\",\"Berlin, DE\"\r\n"
              + "2026-02,units,-3,\"two\r\nlines\"\r\n"
              + "\r\n\r\n",
          2);
      assertThat(storedLines())
          .containsExactly(
              "{\"row\":1,\"date\":\"2026-01-31\",\"metric\":\"revenue\",\"value\":1234.50,"
                  + "\"dimensions\":{\"region\":\"Berlin, DE\"}}",
              "{\"row\":2,\"date\":\"2026-02\",\"metric\":\"units\",\"value\":-3,"
                  + "\"dimensions\":{\"region\":\"two\\r\\nlines\"}}");
    }

    @Test
    void semicolonSeparatedFiles() throws Exception {
      List<JsonNode> rows = accepted("date;metric;value\n2026-03;revenue;10.5\n", 1);
      assertThat(rows.get(0).get("value").decimalValue()).isEqualByComparingTo("10.5");
    }

    @Test
    void tabSeparatedFiles() throws Exception {
      List<JsonNode> rows = accepted("date\tmetric\tvalue\tregion\n2026-03\trevenue\t7\tEU\n", 1);
      assertThat(rows.get(0).get("dimensions").get("region").asString()).isEqualTo("EU");
    }

    @Test
    void csvInjectionCellsAreStoredAsTheyCame() throws Exception {
      String csv =
          "date,metric,value,note\n2026-01,=cmd|' /C calc'!A0,1,+SUM(A1)\n2026-01,@x,2,\"\tTAB\"\n";
      List<JsonNode> rows = accepted(csv, 2);
      assertThat(rows.get(0).get("metric").asString()).isEqualTo("=cmd|' /C calc'!A0");
      assertThat(rows.get(0).get("dimensions").get("note").asString()).isEqualTo("+SUM(A1)");
      assertThat(rows.get(1).get("metric").asString()).isEqualTo("@x");
      assertThat(rows.get(1).get("dimensions").get("note").asString()).isEqualTo("\tTAB");
      assertThat(storedRaw()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badRowsAreRejectedWithReasonsWhileGoodRowsAreStoredAndAnnounced() throws Exception {
      MockHttpServletResponse response =
          send(
              upload(
                  "date,metric,value,region\n"
                      + "2026-01,revenue,100,EU\n"
                      + "2026-13,revenue,1,EU\n"
                      + "2026-02-30,revenue,1,EU\n"
                      + "2026-02,,1,EU\n"
                      + "2026-03,revenue,1\n"));
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
      JsonNode body = JSON.readTree(response.getContentAsString());
      assertThat(body.get("rowCount").asLong()).isEqualTo(5);
      assertThat(body.get("acceptedRows").asLong()).isEqualTo(1);
      assertThat(body.get("rejectedRows").asLong()).isEqualTo(4);
      assertThat(body.get("rejections").toString())
          .isEqualTo(
              "[{\"row\":2,\"reason\":\"line 3: date '2026-13' is not a valid month\"},"
                  + "{\"row\":3,\"reason\":\"line 4: date '2026-02-30' is not a valid day\"},"
                  + "{\"row\":4,\"reason\":\"line 5: metric is empty\"},"
                  + "{\"row\":5,\"reason\":\"line 6: the row has 3 fields; the header has 4\"}]");
      assertThat(body.get("metrics").toString()).isEqualTo("[\"revenue\"]");
      assertThat(body.get("dimensions").toString()).isEqualTo("[\"region\"]");
      assertThat(body.get("periodStart").asString()).isEqualTo("2026-01");
      assertThat(body.get("periodEnd").asString()).isEqualTo("2026-01");

      @SuppressWarnings("unchecked")
      ArgumentCaptor<List<EventEnvelope>> events = ArgumentCaptor.forClass(List.class);
      verify(outbox).write(any(), events.capture());
      EventEnvelope event = events.getValue().get(0);
      assertThat(event.eventType().toString()).isEqualTo("metrics.ingested.v1");
      assertThat(event.tenantId()).isEqualTo(TENANT);
    }
  }

  @Nested
  class Failures {

    @Test
    void aDynamoDbFailureLeavesNoObjectBehindAndAnswers503() throws Exception {
      doThrow(
              DynamoDbException.builder()
                  .statusCode(500)
                  .message("We encountered an internal error")
                  .build())
          .when(outbox)
          .write(any(), any());
      MockHttpServletResponse response = send(upload("date,metric,value\n2026-01,revenue,1\n"));
      assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(503);
      assertThat(OBJECTS.stored).isEmpty();
    }
  }
}
