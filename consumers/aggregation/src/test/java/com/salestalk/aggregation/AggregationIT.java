package com.salestalk.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salestalk.aggregation.TestUpload.Figures;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.EventPayload;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.metricdata.cells.Period;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * aggregation end to end: the real service on a random port against the emulator with
 * infra/template.yaml deployed. Uploads are normalized objects written to the stack's bucket with
 * {@link NormalizedRowsWriter} and announced by their {@code metrics.ingested.v1} on the stack's
 * bus (the template's rule routes it to the aggregation queue); the summaries are read over HTTP
 * and checked against figures computed from the rows alone ({@link TestUpload#expected}).
 *
 * <p>Received messages stay invisible for 2 s (not the queue's 60 s) and the lease is 2 s, so a
 * failing event goes through its five receives to the DLQ in seconds: that is the only difference
 * from the service as deployed.
 */
@ServiceIntegrationTest(
    properties = {"salestalk.metrics.cloudwatch.enabled=false", "salestalk.consumer.lease=2s"})
@Import(ShortRedelivery.class)
class AggregationIT {

  static final String SUMMARIES = "/api/v1/summaries";
  static final List<String> REGIONS = List.of("AMER", "APAC", "EU");
  static final Duration PROCESSING = Duration.ofSeconds(30);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired TestStack stack;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired S3Client s3;
  @Autowired MeterRegistry registry;

  // ---------------------------------------------------------------- helpers

  /** A tenant of the tenants table with a fresh API key; returns [tenantId, apiKey]. */
  String[] tenant() {
    String apiKey = ApiKeys.generate();
    return new String[] {StackTenants.create(stack, ApiKeys.hash(apiKey)), apiKey};
  }

  Reply get(String apiKey, String path) {
    return new Http(port).send("GET", path, null, "X-Api-Key", apiKey);
  }

  Reply summary(String apiKey, String metric, String period, String dimension) {
    return get(
        apiKey,
        SUMMARIES
            + "?metric="
            + metric
            + "&period="
            + period
            + (dimension == null ? "" : "&dimension=" + dimension));
  }

  void store(TestUpload upload) {
    store(upload.objectKey(), upload.object());
  }

  void store(String key, byte[] bytes) {
    s3.putObject(
        b ->
            b.bucket(stack.output("UploadsBucketName"))
                .key(key)
                .contentType(NormalizedRowsWriter.CONTENT_TYPE)
                .contentEncoding(NormalizedRowsWriter.CONTENT_ENCODING),
        RequestBody.fromBytes(bytes));
  }

  /** Publishes the event and waits until aggregation has handled it (its dedupe record is DONE). */
  void publishAndAwait(EventEnvelope event) {
    stack.publish(event);
    awaitDone(event);
  }

  void awaitDone(EventEnvelope event) {
    await()
        .atMost(PROCESSING)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "DONE".equals(dedupeStatus(event)));
  }

  String dedupeStatus(EventEnvelope event) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(stack.output("IdempotencyTableName"))
                        .consistentRead(true)
                        .key(Map.of("key", AttributeValue.fromS("aggregation#" + event.eventId()))))
            .item();
    return item == null || item.isEmpty() ? null : item.get("status").s();
  }

  EventEnvelope provisioned(String tenantId) {
    EventPayload payload = EventSamples.payload(TenantProvisioned.class);
    return new EnvelopeFactory("tenant-onboard", Clock.systemUTC(), EventCatalog.standard())
        .create(TenantId.of(tenantId), payload, Flow.start());
  }

  double count(String meter, String eventType) {
    Counter counter =
        registry.find(meter).tag("consumer", "aggregation").tag("eventType", eventType).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Every cell item of the tenant (month totals and breakdown pages), keyed by metric and sk. */
  Map<String, Map<String, AttributeValue>> cellItems(String tenantId, List<String> metrics) {
    Map<String, Map<String, AttributeValue>> items = new java.util.TreeMap<>();
    for (String metric : metrics) {
      dynamoDb
          .queryPaginator(
              b ->
                  b.tableName(stack.output("MetricCellsTableName"))
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          Map.of(":pk", AttributeValue.fromS(tenantId + "#" + metric))))
          .items()
          .forEach(item -> items.put(metric + " " + item.get("sk").s(), withoutKey(item)));
    }
    return items;
  }

  private static Map<String, AttributeValue> withoutKey(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> copy = new java.util.HashMap<>(item);
    copy.remove("pk");
    return copy;
  }

  /** One row per region of {@code metric} in January 2025. */
  static List<NormalizedRow> january(String metric, long seed) {
    return TestUpload.rows(
        List.of(metric), YearMonth.of(2025, 1), YearMonth.of(2025, 1), REGIONS, 1, seed);
  }

  /** Why the kit dead-lettered a message. */
  static String reason(Message deadLetter) {
    return deadLetter.messageAttributes().get("salestalk-dlq-reason").stringValue();
  }

  /** The summary's figures equal the expected ones (numbers compared as decimals). */
  static void assertFigures(JsonNode actual, Optional<Figures> expected) {
    if (expected.isEmpty()) {
      assertThat(actual.get("total").isNull()).as("total of %s", actual).isTrue();
      assertThat(actual.get("count").asLong()).isZero();
      return;
    }
    Figures figures = expected.get();
    assertThat(actual.get("total").decimalValue()).isEqualByComparingTo(figures.total());
    assertThat(actual.get("count").asLong()).isEqualTo(figures.count());
    assertThat(actual.get("min").decimalValue()).isEqualByComparingTo(figures.min());
    assertThat(actual.get("max").decimalValue()).isEqualByComparingTo(figures.max());
  }

  /**
   * The tenant's summary of {@code metric} over {@code period} (and by region) shows what the
   * uploads' rows give, the newest upload owning each month.
   */
  void assertSummary(String apiKey, List<TestUpload> uploads, String metric, String period) {
    Period parsed = Period.parse(period, YearMonth.now());
    Reply reply = summary(apiKey, metric, period, "region");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("period").asString()).isEqualTo(parsed.label());
    assertFigures(body, TestUpload.expected(uploads, metric, parsed.months(), r -> true));
    Optional<Figures> previous =
        TestUpload.expected(uploads, metric, parsed.previous().months(), r -> true);
    if (previous.isEmpty()) {
      assertThat(body.get("previousPeriod").isNull()).isTrue();
    } else {
      assertThat(body.get("previousPeriod").get("total").decimalValue())
          .isEqualByComparingTo(previous.get().total());
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : body.get("byDimension").get("values")) {
      String region = value.get("value").asString();
      values.add(region);
      assertFigures(
          value,
          TestUpload.expected(
              uploads, metric, parsed.months(), r -> region.equals(r.dimensions().get("region"))));
    }
    List<String> expectedRegions =
        REGIONS.stream()
            .filter(
                region ->
                    TestUpload.expected(
                            uploads,
                            metric,
                            parsed.months(),
                            r -> region.equals(r.dimensions().get("region")))
                        .isPresent())
            .toList();
    assertThat(values).as("regions of %s %s", metric, period).isEqualTo(expectedRegions);
  }

  // ---------------------------------------------------------------- the flow

  @Nested
  class Uploads {

    @Test
    void aProvisionedTenantHasNoDataYetAndATenantNeverSeenIsNotFound() {
      String[] tenant = tenant();
      Reply unknown = get(tenant[1], SUMMARIES + "/metrics");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");

      publishAndAwait(provisioned(tenant[0]));

      Reply metrics = get(tenant[1], SUMMARIES + "/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).isEqualTo("{\"state\":\"NO_DATA_YET\",\"metrics\":[]}");
      assertThat(summary(tenant[1], "revenue", "2025", null).status()).isEqualTo(404);
    }

    @Test
    void anUploadsRowsBecomeSummariesOfEveryPeriodAndDimension() {
      String[] tenant = tenant();
      publishAndAwait(provisioned(tenant[0]));
      TestUpload upload =
          TestUpload.at(
              tenant[0],
              "2025-11-03T09:00:00Z",
              TestUpload.rows(
                  List.of("revenue", "units"),
                  YearMonth.of(2024, 11),
                  YearMonth.of(2025, 9),
                  REGIONS,
                  4,
                  1));
      store(upload);

      publishAndAwait(upload.event());

      List<TestUpload> uploads = List.of(upload);
      for (String period :
          List.of(
              "2025",
              "2024",
              "2025-Q1",
              "2025-Q3",
              "2024-Q4",
              "2025-07",
              "2024-11",
              "YTD-2025-08",
              "QTD-2025-08")) {
        assertSummary(tenant[1], uploads, "revenue", period);
      }
      assertSummary(tenant[1], uploads, "units", "2025-Q2");
      JsonNode q3 = summary(tenant[1], "revenue", "2025-Q3", "product").json();
      assertThat(q3.get("byDimension").get("values").findValuesAsString("value"))
          .containsExactly("Gadgets", "Widgets, Pro");
      assertThat(q3.get("uploadIds").get(0).asString()).isEqualTo(upload.uploadId());
      assertThat(q3.get("dataAsOf").asString()).isEqualTo("2025-11-03T09:00:00Z");
      assertThat(q3.get("monthsWithData").size()).isEqualTo(3);
      JsonNode metrics = get(tenant[1], SUMMARIES + "/metrics").json();
      assertThat(metrics.get("state").asString()).isEqualTo("HAS_DATA");
      assertThat(metrics.get("metrics").findValuesAsString("metric"))
          .containsExactly("revenue", "units");
      JsonNode revenue = metrics.get("metrics").get(0);
      assertThat(revenue.get("months").size()).isEqualTo(11);
      assertThat(revenue.get("quarters").toString())
          .isEqualTo("[\"2024-Q4\",\"2025-Q1\",\"2025-Q2\",\"2025-Q3\"]");
      assertThat(revenue.get("years").toString()).isEqualTo("[2024,2025]");
      assertThat(revenue.get("dimensions").toString()).isEqualTo("[\"product\",\"region\"]");
    }

    @Test
    void theSameEventTwiceAndTheSameUploadAgainChangeNothing() {
      String[] tenant = tenant();
      TestUpload upload =
          TestUpload.at(
              tenant[0],
              "2025-11-03T10:00:00Z",
              TestUpload.rows(
                  List.of("revenue"), YearMonth.of(2025, 1), YearMonth.of(2025, 3), REGIONS, 3, 2));
      store(upload);
      EventEnvelope event = upload.event();
      publishAndAwait(event);
      var cells = cellItems(tenant[0], List.of("revenue"));
      double duplicates = count("salestalk.consume.duplicate", "metrics.ingested.v1");

      stack.publish(event);
      await()
          .atMost(PROCESSING)
          .until(
              () -> count("salestalk.consume.duplicate", "metrics.ingested.v1") == duplicates + 1);
      EventEnvelope again = upload.event(); // a new event of the same upload
      publishAndAwait(again);

      assertThat(cellItems(tenant[0], List.of("revenue"))).isEqualTo(cells);
      assertThat(cells).hasSize(3 * (1 + 2)); // months x (total + region and product pages)
      assertSummary(tenant[1], List.of(upload), "revenue", "2025-Q1");
    }

    @Test
    void anotherTenantsDataIsNeverFound() {
      String[] owner = tenant();
      String[] other = tenant();
      TestUpload upload = TestUpload.at(owner[0], "2025-11-03T11:00:00Z", january("bookings", 3));
      store(upload);
      publishAndAwait(upload.event());
      assertThat(summary(owner[1], "bookings", "2025-01", null).status()).isEqualTo(200);

      Reply reply = summary(other[1], "bookings", "2025-01", null);

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().get("detail").asString())
          .isEqualTo(
              "No data for metric 'bookings' (GET /api/v1/summaries/metrics lists the tenant's metrics)");
      assertThat(get(other[1], SUMMARIES + "/metrics").status()).isEqualTo(404);
    }
  }

  // ---------------------------------------------------------------- last upload wins

  /**
   * Two overlapping uploads: the older has revenue (regions AMER, APAC, EU) and units in January to
   * June; the newer has revenue in April to September in AMER and EU only. Tenant A's are handled
   * older first, tenant B's newer first; both end with the same cells, the newer owning April to
   * June of revenue (APAC's older cells there superseded) and the older keeping units and January
   * to March.
   */
  @Nested
  class LastUploadWins {

    List<TestUpload> uploads(String tenantId) {
      TestUpload older =
          TestUpload.at(
              tenantId,
              "2025-10-01T08:00:00Z",
              TestUpload.rows(
                  List.of("revenue", "units"),
                  YearMonth.of(2025, 1),
                  YearMonth.of(2025, 6),
                  REGIONS,
                  3,
                  10));
      TestUpload newer =
          TestUpload.at(
              tenantId,
              "2025-10-02T08:00:00Z",
              TestUpload.rows(
                  List.of("revenue"),
                  YearMonth.of(2025, 4),
                  YearMonth.of(2025, 9),
                  List.of("AMER", "EU"),
                  2,
                  20));
      return List.of(older, newer);
    }

    @Test
    void theResultDoesNotDependOnTheOrderTheUploadsAreHandledIn() {
      String[] a = tenant();
      String[] b = tenant();
      List<TestUpload> ofA = uploads(a[0]);
      List<TestUpload> ofB = uploads(b[0]);
      ofA.forEach(AggregationIT.this::store);
      ofB.forEach(AggregationIT.this::store);

      publishAndAwait(ofA.get(0).event());
      publishAndAwait(ofA.get(1).event());
      publishAndAwait(ofB.get(1).event());
      publishAndAwait(ofB.get(0).event());

      assertThat(cellItems(a[0], List.of("revenue", "units")))
          .isEqualTo(cellItems(b[0], List.of("revenue", "units")));
      for (String[] tenant : List.of(a, b)) {
        List<TestUpload> uploads = tenant == a ? ofA : ofB;
        for (String period :
            List.of("2025", "2025-Q1", "2025-Q2", "2025-Q3", "2025-04", "2025-06")) {
          assertSummary(tenant[1], uploads, "revenue", period);
        }
        assertSummary(tenant[1], uploads, "units", "2025-Q2");
        JsonNode q2 = summary(tenant[1], "revenue", "2025-Q2", "region").json();
        assertThat(q2.get("byDimension").get("values").findValuesAsString("value"))
            .containsExactly("AMER", "EU");
        assertThat(q2.get("uploadIds").get(0).asString()).isEqualTo(uploads.get(1).uploadId());
        JsonNode h1 = summary(tenant[1], "revenue", "YTD-2025-06", "region").json();
        assertThat(h1.get("byDimension").get("values").findValuesAsString("value"))
            .containsExactly("AMER", "APAC", "EU");
        assertThat(h1.get("uploadIds").size()).isEqualTo(2);
      }
    }
  }

  // ---------------------------------------------------------------- failures

  @Nested
  class Failures {

    @Test
    void anUnparsableMessageIsDeadLetteredAndTheNextEventStillHandled() {
      String[] tenant = tenant();
      stack.sendToQueue("aggregation", "{not json");
      EventEnvelope next = provisioned(tenant[0]);

      publishAndAwait(next);

      List<Message> dead = stack.awaitDeadLettered("aggregation", 1, PROCESSING);
      assertThat(dead.get(0).body()).isEqualTo("{not json");
      assertThat(reason(dead.get(0))).startsWith("not valid JSON: ");
      assertThat(get(tenant[1], SUMMARIES + "/metrics").status()).isEqualTo(200);
    }

    @Test
    void aMalformedObjectIsDeadLetteredAtOnceWithAPreciseReason() {
      String[] tenant = tenant();
      TestUpload upload =
          TestUpload.at(
              tenant[0],
              "2025-11-03T12:00:00Z",
              List.of(new NormalizedRow(1, "2025-01-05", "revenue", BigDecimal.ONE, Map.of())));
      store(upload.objectKey(), "date,metric,value\n2025-01-05,revenue,1\n".getBytes());
      double failed = count("salestalk.consume.failed", "metrics.ingested.v1");

      stack.publish(upload.event());

      List<Message> dead = stack.awaitDeadLettered("aggregation", 1, PROCESSING);
      assertThat(reason(dead.get(0)))
          .startsWith(
              "s3://"
                  + stack.output("UploadsBucketName")
                  + "/"
                  + upload.objectKey()
                  + ": not a complete gzip stream");
      assertThat(count("salestalk.consume.failed", "metrics.ingested.v1")).isEqualTo(failed);
      assertThat(dedupeStatus(upload.event())).isNull();
      assertThat(get(tenant[1], SUMMARIES + "/metrics").status()).isEqualTo(404);
    }

    @Test
    void anObjectKeyOfAnotherTenantIsNeverRead() {
      String[] victim = tenant();
      String[] attacker = tenant();
      TestUpload victims = TestUpload.at(victim[0], "2025-11-03T13:00:00Z", january("revenue", 4));
      store(victims);
      TestUpload forged = TestUpload.at(attacker[0], "2025-11-03T13:00:01Z", victims.rows());

      stack.publish(forged.event(victims.objectKey(), victims.rows().size()));

      List<Message> dead = stack.awaitDeadLettered("aggregation", 1, PROCESSING);
      assertThat(reason(dead.get(0)))
          .isEqualTo(
              "objectKey '"
                  + victims.objectKey()
                  + "' is not the upload's normalized rows '"
                  + forged.objectKey()
                  + "'");
      assertThat(get(attacker[1], SUMMARIES + "/metrics").status()).isEqualTo(404);
    }

    @Test
    void aMissingObjectIsRedeliveredThenDeadLettered() {
      String[] tenant = tenant();
      TestUpload upload = TestUpload.at(tenant[0], "2025-11-03T14:00:00Z", january("revenue", 5));
      double failed = count("salestalk.consume.failed", "metrics.ingested.v1");
      EventEnvelope event = upload.event();

      stack.publish(event);

      List<Message> dead = stack.awaitDeadLettered("aggregation", 1, Duration.ofSeconds(60));
      assertThat(dead.get(0).body()).contains(event.eventId().toString());
      assertThat(count("salestalk.consume.failed", "metrics.ingested.v1") - failed).isEqualTo(5);
      assertThat(dedupeStatus(event)).isNull();
      assertThat(get(tenant[1], SUMMARIES + "/metrics").status()).isEqualTo(404);
    }
  }

  @Nested
  class Operations {

    @Test
    void committedOpenApiDocumentIsCurrent() {
      assertThat(
              OpenApiDocuments.assertCommittedIsCurrent(new Http(port), "aggregation")
                  .get("paths")
                  .has(SUMMARIES))
          .isTrue();
    }
  }
}
