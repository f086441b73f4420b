package com.salestalk.metricshandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.validation.EventValidator;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.Http.Reply;
import com.salestalk.testsupport.OpenApiDocuments;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.StackTenants;
import com.salestalk.testsupport.TestStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * metrics-handler's upload flow end to end: the real server on a random port against the emulator
 * with infra/template.yaml deployed, the outbox relay publishing to the stack's bus, the stack's
 * tap receiving every event on it. The file checks and their exact problem bodies are {@code
 * UploadControllerTest}'s; the rejections here prove that nothing was stored and nothing published.
 */
@ServiceIntegrationTest(
    properties = {
      "salestalk.outbox.relay.interval=200ms",
      "salestalk.metrics.cloudwatch.enabled=false",
      "salestalk.uploads.max-bytes=8MB",
      "salestalk.uploads.max-rows=150000",
      "salestalk.uploads.part-size=5MB"
    })
class MetricsUploadIT {

  static final String UPLOADS = "/api/v1/metrics/uploads";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final Duration QUIET = Duration.ofMillis(1500);
  static final Path SAMPLE = Path.of("..", "docs", "examples", "metrics-sample.csv");

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired S3Client s3;

  // ---------------------------------------------------------------- helpers

  /** A tenant of the tenants table with a fresh API key; returns [tenantId, apiKey]. */
  String[] tenant() {
    String apiKey = ApiKeys.generate();
    return new String[] {StackTenants.create(stack, ApiKeys.hash(apiKey)), apiKey};
  }

  Reply upload(String apiKey, String fileName, byte[] content, boolean chunked) {
    String boundary = "----it" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(Http.multipartHead(boundary, "file", fileName));
    body.writeBytes(content);
    body.writeBytes(Http.multipartTail(boundary));
    byte[] bytes = body.toByteArray();
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + UPLOADS))
            .POST(publisher)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    return send(request.build());
  }

  Reply upload(String apiKey, byte[] content) {
    return upload(apiKey, "metrics.csv", content, false);
  }

  Reply get(String apiKey, String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Api-Key", apiKey)
            .GET()
            .build());
  }

  static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String bucket() {
    return stack.output("UploadsBucketName");
  }

  byte[] object(String key) {
    ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket()).key(key));
    return bytes.asByteArray();
  }

  static List<String> gunzipLines(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  long uploadItems() {
    return dynamoDb
        .scan(b -> b.tableName(stack.output("UploadsTableName")).select(Select.COUNT))
        .count();
  }

  /** Objects and unfinished multipart uploads under the tenant's prefix. */
  int objectsOf(String tenantId) {
    String prefix = "tenants/" + tenantId + "/";
    return s3.listObjectVersions(b -> b.bucket(bucket()).prefix(prefix)).versions().size()
        + s3.listMultipartUploads(b -> b.bucket(bucket()).prefix(prefix)).uploads().size();
  }

  /** Runs a refused upload and proves nothing was stored and nothing published. */
  Reply refused(String tenantId, Supplier<Reply> request) {
    long before = uploadItems();
    Reply reply = request.get();
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertNothingKept(tenantId, before);
    return reply;
  }

  /** No new upload item, no object or unfinished multipart upload of the tenant, no event. */
  void assertNothingKept(String tenantId, long uploadItemsBefore) {
    assertThat(uploadItems()).isEqualTo(uploadItemsBefore);
    assertThat(objectsOf(tenantId)).isZero();
    stack.tap().assertNothingPublished();
  }

  /** The first line of the server's answer on a raw connection. */
  static String statusLine(java.net.Socket socket) throws IOException {
    return new java.io.BufferedReader(
            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
        .readLine();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  // ---------------------------------------------------------------- the flow

  @Nested
  class Ingestion {

    @Test
    void storesTheRawAndNormalizedObjectsTheRecordAndAnnouncesItOnceToAggregationAndValidation()
        throws Exception {
      String[] tenant = tenant();
      byte[] csv = Files.readAllBytes(SAMPLE);

      Reply reply = upload(tenant[1], "metrics-sample.csv", csv, false);

      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      JsonNode body = reply.json();
      String uploadId = body.get("uploadId").asString();
      assertThat(reply.header("Location")).isEqualTo(UPLOADS + "/" + uploadId);
      assertThat(body.get("fileName").asString()).isEqualTo("metrics-sample.csv");
      assertThat(body.get("sha256").asString()).isEqualTo(sha256(csv));
      assertThat(body.get("byteSize").asLong()).isEqualTo(csv.length);
      assertThat(body.get("rowCount").asLong()).isEqualTo(23);
      assertThat(body.get("acceptedRows").asLong()).isEqualTo(22);
      assertThat(body.get("rejectedRows").asLong()).isEqualTo(1);
      assertThat(body.get("rejections").toString())
          .isEqualTo(
              "[{\"row\":22,\"reason\":\"line 23: value 'n/a' is not a decimal number (digits, an"
                  + " optional sign, '.' as decimal point)\"}]");
      assertThat(body.get("metrics").toString())
          .isEqualTo("[\"churned_customers\",\"refunds\",\"revenue\",\"units\"]");
      assertThat(body.get("dimensions").toString()).isEqualTo("[\"region\",\"product\"]");
      assertThat(body.get("periodStart").asString()).isEqualTo("2026-01");
      assertThat(body.get("periodEnd").asString()).isEqualTo("2026-03-31");

      String rawKey = "tenants/" + tenant[0] + "/uploads/" + uploadId + ".csv";
      String rowsKey = "tenants/" + tenant[0] + "/uploads/" + uploadId + ".rows.jsonl.gz";
      assertThat(body.get("objectKey").asString()).isEqualTo(rowsKey);
      assertThat(object(rawKey)).isEqualTo(csv);
      List<String> rows = gunzipLines(object(rowsKey));
      assertThat(rows).hasSize(22);
      assertThat(rows.get(0))
          .isEqualTo(
              "{\"row\":1,\"date\":\"2026-01-28\",\"metric\":\"revenue\",\"value\":125000.0,"
                  + "\"dimensions\":{\"region\":\"EMEA\",\"product\":\"Widgets, Pro\"}}");
      assertThat(rows.get(21))
          .isEqualTo(
              "{\"row\":23,\"date\":\"2026-03-31\",\"metric\":\"refunds\",\"value\":-1520.40,"
                  + "\"dimensions\":{\"region\":\"AMER\",\"product\":\"Widgets\"}}");

      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(
                  b ->
                      b.tableName(stack.output("UploadsTableName"))
                          .key(
                              Map.of(
                                  "tenantId", AttributeValue.fromS(tenant[0]),
                                  "uploadId", AttributeValue.fromS(uploadId))))
              .item();
      assertThat(item.get("sha256").s()).isEqualTo(sha256(csv));
      assertThat(item.get("acceptedRows").n()).isEqualTo("22");
      assertThat(item.get("rowsKey").s()).isEqualTo(rowsKey);

      Map<String, List<JsonNode>> byQueue =
          stack.awaitRouted(tenant[0], Map.of("aggregation", 1, "validation", 1), QUIET).ofTenant();
      for (String consumer : List.of("aggregation", "validation")) {
        JsonNode event = byQueue.get(consumer).get(0);
        assertThat(event.get("detail-type").asString()).isEqualTo("metrics.ingested.v1");
        assertThat(event.get("source").asString()).isEqualTo("salestalk.metrics-handler");
        JsonNode envelope = event.get("detail");
        assertThat(EventValidator.strict().validate(JSON.writeValueAsString(envelope)).violations())
            .as(consumer)
            .isEmpty();
        JsonNode data = envelope.get("data");
        assertThat(data.get("uploadId").asString()).isEqualTo(uploadId);
        assertThat(data.get("objectKey").asString()).isEqualTo(rowsKey);
        assertThat(data.get("sha256").asString()).isEqualTo(sha256(csv));
        assertThat(data.get("acceptedRows").asLong()).isEqualTo(22);
        assertThat(data.get("rejections").size()).isEqualTo(1);
      }
      List<JsonNode> tapped = stack.tap().receiveExactly(1);
      assertThat(tapped.get(0).get("detail").get("tenantId").asString()).isEqualTo(tenant[0]);
    }

    @Test
    void theSameFileAgainStoresNothingAndAnswersWithTheFirstUpload() throws Exception {
      String[] tenant = tenant();
      byte[] csv = "date,metric,value\n2026-05,revenue,10\n".getBytes(StandardCharsets.UTF_8);
      Reply first = upload(tenant[1], csv);
      assertThat(first.status()).as(first.body()).isEqualTo(201);
      stack.tap().receiveExactly(1);
      long items = uploadItems();
      int objects = objectsOf(tenant[0]);

      Reply again = upload(tenant[1], "renamed.csv", csv, false);

      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.header("Upload-Repeat")).isEqualTo("true");
      assertThat(again.header("Location")).isEqualTo(first.header("Location"));
      assertThat(again.json()).isEqualTo(first.json());
      assertThat(uploadItems()).isEqualTo(items);
      assertThat(objectsOf(tenant[0])).isEqualTo(objects);
      stack.tap().assertNothingPublished();

      // another tenant's identical file is its own upload
      String[] other = tenant();
      assertThat(upload(other[1], csv).status()).isEqualTo(201);
      stack.tap().receiveExactly(1);
    }

    @Test
    void aFileLargerThanAPartIsStoredAsAMultipartUpload() throws Exception {
      String[] tenant = tenant();
      StringBuilder csv = new StringBuilder("date,metric,value,region,product\n");
      for (int i = 0; csv.length() < 6 * 1024 * 1024; i++) {
        csv.append("2026-04-")
            .append(String.format("%02d", 1 + i % 28))
            .append(",revenue,")
            .append(i)
            .append(".25,region-")
            .append(i % 7)
            .append(",product-with-a-long-name-")
            .append(i % 13)
            .append('\n');
      }
      byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

      Reply reply = upload(tenant[1], "large.csv", bytes, true);

      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      String uploadId = reply.json().get("uploadId").asString();
      byte[] stored = object("tenants/" + tenant[0] + "/uploads/" + uploadId + ".csv");
      assertThat(sha256(stored)).isEqualTo(sha256(bytes));
      assertThat(reply.json().get("byteSize").asLong()).isEqualTo(bytes.length);
      stack.tap().receiveExactly(1);
    }

    @Test
    void getsAnUploadAndListsTheTenantsUploadsNewestFirst() {
      String[] tenant = tenant();
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        Reply reply =
            upload(
                tenant[1],
                ("date,metric,value\n2026-0" + i + ",revenue," + i + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        ids.add(reply.json().get("uploadId").asString());
      }
      stack.tap().receiveExactly(3);

      Reply one = get(tenant[1], UPLOADS + "/" + ids.get(1));
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.json().get("periodStart").asString()).isEqualTo("2026-02");

      Reply page1 = get(tenant[1], UPLOADS + "?size=2");
      assertThat(page1.status()).isEqualTo(200);
      assertThat(page1.json().get("uploads").findValuesAsString("uploadId"))
          .containsExactly(ids.get(2), ids.get(1));
      Reply page2 =
          get(
              tenant[1],
              UPLOADS + "?size=2&pageToken=" + page1.json().get("nextPageToken").asString());
      assertThat(page2.json().get("uploads").findValuesAsString("uploadId"))
          .containsExactly(ids.get(0));

      String[] other = tenant();
      Reply foreign = get(other[1], UPLOADS + "/" + ids.get(0));
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(get(other[1], UPLOADS).json().get("uploads").size()).isZero();
    }
  }

  @Nested
  class Refusals {

    @Test
    void withoutAKey() {
      String[] tenant = tenant();
      Reply reply =
          refused(
              tenant[0],
              () ->
                  upload(
                      null,
                      "m.csv",
                      "date,metric,value\n".getBytes(StandardCharsets.UTF_8),
                      false));
      assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void aFileWhoseContentLengthIsOverTheLimitIsRefusedBeforeItsBodyIsSent() throws IOException {
      String[] tenant = tenant();
      long before = uploadItems();
      String statusLine;
      try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
        socket
            .getOutputStream()
            .write(
                ("POST "
                        + UPLOADS
                        + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                        + tenant[1]
                        + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                        + "Content-Length: 67108864\r\n\r\n"
                        + "--b\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"big.csv\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        // Nothing more is sent: the answer comes without the body.
        statusLine = statusLine(socket);
      }
      assertThat(statusLine).isEqualTo("HTTP/1.1 413 ");
      assertNothingKept(tenant[0], before);
    }

    @Test
    void aChunkedFileOverTheSizeLimitIsCutOffAtTheLimit() throws IOException {
      String[] tenant = tenant();
      long before = uploadItems();
      String boundary = "----it" + UUID.randomUUID();
      long sent = 0;
      String statusLine;
      try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
        java.io.OutputStream out = socket.getOutputStream();
        out.write(
            ("POST "
                    + UPLOADS
                    + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                    + tenant[1]
                    + "\r\nContent-Type: multipart/form-data; boundary="
                    + boundary
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] head =
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\""
                    + "\r\n\r\ndate,metric,value\n")
                .getBytes(StandardCharsets.US_ASCII);
        out.write((Integer.toHexString(head.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "2026-01,revenue,1\n".repeat(3641).getBytes(StandardCharsets.US_ASCII);
        // Up to 64 MB, far more than the 8 MB limit: the server answers and closes long before.
        try {
          while (sent < 64L * 1024 * 1024) {
            out.write(
                (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            sent += chunk.length;
          }
        } catch (IOException closedByServer) {
          // expected: the server stopped reading
        }
        statusLine = statusLine(socket);
      }
      assertThat(statusLine).isEqualTo("HTTP/1.1 413 ");
      assertThat(sent).isLessThan(64L * 1024 * 1024);
      assertNothingKept(tenant[0], before);
    }

    @Test
    void moreRowsThanTheLimit() {
      String[] tenant = tenant();
      byte[] csv =
          ("date,metric,value\n" + "2026-01,r,1\n".repeat(150_001))
              .getBytes(StandardCharsets.UTF_8);
      Reply reply = refused(tenant[0], () -> upload(tenant[1], csv));
      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.json().get("detail").asString())
          .isEqualTo("The file has more than 150000 data rows (the limit)");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
      String[] tenant = tenant();
      byte[] csv =
          "date,metric,value,note\n2026-01,r,1,ok\n2026-01,r,2,\"open\n2026-02,r,3,x\n"
              .getBytes(StandardCharsets.UTF_8);
      Reply reply = refused(tenant[0], () -> upload(tenant[1], csv));
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().get("detail").asString())
          .isEqualTo(
              "The file is invalid: Unclosed quoted field at end of input (record starting at"
                  + " line 3)");
    }

    @Test
    void aZipRenamedCsv() throws IOException {
      String[] tenant = tenant();
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      try (ZipOutputStream out = new ZipOutputStream(zip)) {
        out.putNextEntry(new ZipEntry("metrics.csv"));
        out.write(Files.readAllBytes(SAMPLE));
      }
      Reply reply = refused(tenant[0], () -> upload(tenant[1], zip.toByteArray()));
      assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void noRowAcceptable() {
      String[] tenant = tenant();
      Reply reply =
          refused(
              tenant[0],
              () ->
                  upload(
                      tenant[1],
                      "date,metric,value\n31.01.2026,revenue,1\n"
                          .getBytes(StandardCharsets.UTF_8)));
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().get("errors").toString())
          .isEqualTo(
              "[{\"field\":\"rows[1]\",\"message\":\"line 2: date '31.01.2026' is not YYYY-MM-DD"
                  + " or YYYY-MM\"}]");
    }
  }

  @Nested
  class Operations {

    @Test
    void committedOpenApiDocumentIsCurrent() {
      assertThat(
              OpenApiDocuments.assertCommittedIsCurrent(new Http(port), "metrics-handler")
                  .get("paths")
                  .has(UPLOADS))
          .isTrue();
    }
  }
}
