package com.salestalk.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.Http.Reply;
import com.salestalk.testsupport.OpenApiDocuments;
import com.salestalk.testsupport.ServiceIntegrationTest;
import com.salestalk.testsupport.ShortRedelivery;
import com.salestalk.testsupport.StackTenants;
import com.salestalk.testsupport.TestStack;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation consumer end to end against the emulator with infra/template.yaml deployed: a real
 * normalized object in the stack's bucket, {@code metrics.ingested.v1} put on the stack's bus as
 * metrics-handler would, routed by the template's rule to the validation queue, handled by the
 * consumer kit, and the report read back through the API. The queue's visibility timeout is 2 s
 * (and the lease matches: {@link ShortRedelivery}), so that a failing event is redelivered, and
 * dead-lettered after the template's MaxReceiveCount (5), within seconds.
 */
@ServiceIntegrationTest(
    properties = {"salestalk.metrics.cloudwatch.enabled=false", "salestalk.consumer.lease=2s"})
@Import(ShortRedelivery.class)
class ValidationIT {

  static final String REPORTS = "/api/v1/quality-reports/";
  static final Instant UPLOADED = Instant.parse("2026-04-10T08:00:00Z");
  static final EnvelopeFactory METRICS_HANDLER =
      new EnvelopeFactory(
          "metrics-handler", Clock.fixed(UPLOADED, ZoneOffset.UTC), EventCatalog.standard());
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration HANDLED = Duration.ofSeconds(30);

  /** Fails the next GetObject calls of chosen keys; counts every GetObject per key. */
  static final class S3Faults implements ExecutionInterceptor {
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

    void failNext(String key, int times) {
      failuresLeft.put(key, new AtomicInteger(times));
    }

    int gets(String key) {
      AtomicInteger count = gets.get(key);
      return count == null ? 0 : count.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof GetObjectRequest get) {
        gets.computeIfAbsent(get.key(), k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = failuresLeft.get(get.key());
        if (left != null && left.getAndDecrement() > 0) {
          throw SdkClientException.create("injected S3 fault reading " + get.key());
        }
      }
    }
  }

  @TestConfiguration
  static class Faults {

    @Bean
    S3Faults s3Faults() {
      return new S3Faults();
    }

    /** The app's S3 client, with the faults. */
    @Bean
    S3ClientCustomizer faultyGets(S3Faults faults) {
      return builder ->
          builder.overrideConfiguration(
              builder.overrideConfiguration().toBuilder().addExecutionInterceptor(faults).build());
    }
  }

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired S3Client s3;
  @Autowired S3Faults faults;
  @Autowired MeterRegistry registry;

  // ---------------------------------------------------------------- helpers

  /** A tenant of the tenants table with an API key. */
  record Tenant(String id, String apiKey) {}

  /**
   * An upload of {@link #ROWS}: its object stored in the stack's bucket as metrics-handler stores
   * it.
   */
  record Upload(Tenant tenant, String id, String key) {

    /** The event metrics-handler publishes for it. */
    EventEnvelope event() {
      return METRICS_HANDLER.create(
          TenantId.of(tenant.id()),
          new MetricsIngested(
              new UploadId(id),
              "metrics.csv",
              key,
              "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              412,
              7,
              6,
              1,
              List.of("churned_customers", "revenue"),
              "2026-01",
              "2026-03",
              List.of(
                  new MetricsIngested.Rejection(6, "line 7: value 'n/a' is not a decimal number"))),
          Flow.start());
    }
  }

  static NormalizedRow row(long row, String date, String metric, String value, String product) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("region", "EMEA");
    dimensions.put("product", product);
    return new NormalizedRow(row, date, metric, new BigDecimal(value), dimensions);
  }

  /**
   * The accepted rows of a 7-row file whose row 6 was rejected: monthly revenue and churned
   * customers, the latter without a product.
   */
  static final List<NormalizedRow> ROWS =
      List.of(
          row(1, "2026-01", "revenue", "125000.0", "Widgets"),
          row(2, "2026-02", "revenue", "98000.5", "Widgets"),
          row(3, "2026-03", "revenue", "143250.75", "Widgets"),
          row(4, "2026-01", "churned_customers", "12", ""),
          row(5, "2026-02", "churned_customers", "9", ""),
          row(7, "2026-03", "churned_customers", "15", ""));

  Tenant tenant() {
    String apiKey = ApiKeys.generate();
    return new Tenant(StackTenants.create(stack, ApiKeys.hash(apiKey)), apiKey);
  }

  /** A new upload of a new tenant, its object not stored yet (an id of metrics-handler's form). */
  Upload unstored() {
    Tenant tenant = tenant();
    StringBuilder id =
        new StringBuilder("upl-")
            .append(String.format("%012x", UPLOADED.toEpochMilli()))
            .append('-');
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
    }
    return new Upload(
        tenant, id.toString(), "tenants/" + tenant.id() + "/uploads/" + id + ".rows.jsonl.gz");
  }

  /** A new upload of a new tenant, its object stored, not announced yet. */
  Upload stored() throws IOException {
    Upload upload = unstored();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NormalizedRowsWriter writer = new NormalizedRowsWriter(bytes, JSON);
    ROWS.forEach(writer::write);
    writer.finish();
    s3.putObject(
        b ->
            b.bucket(stack.output("UploadsBucketName"))
                .key(upload.key())
                .contentType(NormalizedRowsWriter.CONTENT_TYPE)
                .contentEncoding(NormalizedRowsWriter.CONTENT_ENCODING),
        RequestBody.fromBytes(bytes.toByteArray()));
    return upload;
  }

  Reply report(Tenant asker, Upload upload) {
    return new Http(port).send("GET", REPORTS + upload.id(), null, "X-Api-Key", asker.apiKey());
  }

  Reply awaitReport(Upload upload) {
    return await()
        .atMost(HANDLED)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> report(upload.tenant(), upload), reply -> reply.status() == 200);
  }

  double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  int reportsOf(Tenant tenant) {
    return dynamoDb
        .query(
            b ->
                b.tableName(stack.output("DataQualityReportsTableName"))
                    .keyConditionExpression("tenantId = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant.id())))
                    .consistentRead(true))
        .count();
  }

  // ---------------------------------------------------------------- the flow

  @Test
  void anUploadsEventMakesItsReportReadableThroughTheApi() throws IOException {
    DistributionSummary completeness =
        registry.find("salestalk.validation.score").tag("check", "completeness").summary();
    long scoredBefore = completeness == null ? 0 : completeness.count();
    Upload upload = stored();

    stack.publish(upload.event());

    JsonNode body = awaitReport(upload).json();
    assertThat(body.propertyNames()).containsExactly("uploadId", "status", "checks", "checkedAt");
    assertThat(body.get("uploadId").asString()).isEqualTo(upload.id());
    assertThat(body.get("status").asString()).isEqualTo("warnings");
    assertThat(Instant.parse(body.get("checkedAt").asString())).isAfter(UPLOADED);
    assertThat(body.get("checks").get(0))
        .isEqualTo(
            JSON.readTree(
                """
                {"name": "completeness", "passed": false, "severity": "warning",
                 "value": 0.428571, "threshold": 1, "score": 0.428571,
                 "details": [
                   {"rows": [6], "count": 1,
                    "reason": "rejected at upload (the upload's rejections say why)"},
                   {"field": "product", "rows": [4, 5, 7], "count": 3, "reason": "empty cell"}],
                 "detailsTotal": 2, "detailsTruncated": false}
                """));
    assertThat(body.get("checks").valueStream().skip(1))
        .extracting(c -> c.get("name").asString() + " " + c.get("passed") + " " + c.get("value"))
        .containsExactly(
            "uniqueness true 1",
            "gaps true 0",
            "non-negative true 0",
            "outliers true 0",
            "freshness true 10");
    assertThat(
            registry
                .get("salestalk.validation.score")
                .tag("check", "completeness")
                .summary()
                .count())
        .isEqualTo(scoredBefore + 1);
  }

  @Test
  void theSameEventTwiceMakesOneReport() throws IOException {
    Upload upload = stored();
    EventEnvelope event = upload.event();
    String[] tags = {"consumer", "validation", "eventType", "metrics.ingested.v1"};
    double duplicatesBefore = count("salestalk.consume.duplicate", tags);

    stack.publish(event);
    String first = awaitReport(upload).json().get("checkedAt").asString();
    stack.publish(event);

    await()
        .atMost(HANDLED)
        .until(() -> count("salestalk.consume.duplicate", tags) == duplicatesBefore + 1);
    assertThat(report(upload.tenant(), upload).json().get("checkedAt").asString()).isEqualTo(first);
    assertThat(reportsOf(upload.tenant())).isEqualTo(1);
    assertThat(faults.gets(upload.key())).as("the duplicate is not read again").isEqualTo(1);
  }

  @Test
  void aHandlerFailureIsRedeliveredAndTheReportWrittenOnceItSucceeds() throws IOException {
    Upload upload = stored();
    faults.failNext(upload.key(), 2);

    stack.publish(upload.event());

    assertThat(awaitReport(upload).json().get("status").asString()).isEqualTo("warnings");
    assertThat(faults.gets(upload.key())).isEqualTo(3);
    assertThat(reportsOf(upload.tenant())).isEqualTo(1);
  }

  @Test
  void aHandlerThatKeepsFailingIsRedeliveredThenDeadLettered() {
    Upload upload = unstored(); // GetObject answers NoSuchKey
    EventEnvelope event = upload.event();

    stack.publish(event);

    List<Message> dead = stack.awaitDeadLettered("validation", 1, Duration.ofSeconds(60));
    assertThat(JSON.readTree(dead.get(0).body()).get("detail").get("eventId").asString())
        .isEqualTo(event.eventId().toString());
    assertThat(faults.gets(upload.key()))
        .as("one read per delivery, MaxReceiveCount deliveries")
        .isEqualTo(5);
    assertThat(report(upload.tenant(), upload).status()).isEqualTo(404);
    assertThat(reportsOf(upload.tenant())).isZero();
  }

  @Test
  void anUnparsableMessageIsDeadLetteredAndTheNextOneStillHandled() throws IOException {
    Upload upload = stored();

    stack.sendToQueue("validation", "{\"detail\": not json");
    stack.publish(upload.event());

    awaitReport(upload);
    List<Message> dead = stack.awaitDeadLettered("validation", 1, Duration.ofSeconds(20));
    assertThat(dead.get(0).body()).isEqualTo("{\"detail\": not json");
    assertThat(dead.get(0).messageAttributes().get("salestalk-dlq-reason").stringValue())
        .startsWith("not valid JSON");
    assertThat(dead.get(0).messageAttributes().get("salestalk-consumer").stringValue())
        .isEqualTo("validation");
  }

  @Test
  void anotherTenantsUploadIsNotFound() throws IOException {
    Upload upload = stored();
    stack.publish(upload.event());
    awaitReport(upload);

    Reply reply = report(tenant(), upload);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json())
        .isEqualTo(
            JSON.readTree(
                """
                {"type": "https://salestalk.dev/problems/not-found", "title": "Not found",
                 "status": 404,
                 "detail": "No quality report for upload %s: it is not an upload of this tenant,\
                 or it has not been checked yet (its report appears once its metrics.ingested.v1\
                 event is handled)",
                 "instance": "/api/v1/quality-reports/%s"}
                """
                    .formatted(upload.id(), upload.id())));
  }

  // ---------------------------------------------------------------- operations

  @Test
  void healthIsUp() {
    Reply reply = new Http(port).send("GET", "/actuator/health", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void committedOpenApiDocumentIsCurrent() throws IOException {
    JsonNode served = OpenApiDocuments.assertCommittedIsCurrent(new Http(port), "validation");
    assertThat(served.get("paths").propertyNames()).containsExactly(REPORTS + "{uploadId}");
  }
}
