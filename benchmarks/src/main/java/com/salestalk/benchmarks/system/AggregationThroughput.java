package com.salestalk.benchmarks.system;

import com.salestalk.aggregation.ingest.AggregationHandlers;
import com.salestalk.aggregation.ingest.UploadAggregator;
import com.salestalk.aggregation.ingest.UploadAggregator.Aggregated;
import com.salestalk.eventaws.consume.ConsumeOutcome;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.TenantProvisioned;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.eventcontracts.samples.EventSamples;
import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsReader;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * aggregation against the emulator: a large upload from the handler's start to its cells written,
 * next to reading the same normalized object from S3 alone in the same round; and the per-event
 * cost of the handler and of the whole consumer path for small uploads.
 *
 * <p>The large upload has {@code rows} rows spread evenly over 24 months, 3 metrics and 20 regions
 * (1,512 cells). Each round stores it under a new tenant (so every round writes every cell) and
 * times, in this order: GetObject with its bytes drained ("S3 bytes"), GetObject read row by row
 * with {@link NormalizedRowsReader} ("S3 rows": the floor the goal is measured against), then
 * {@link UploadAggregator#aggregate} (stream, fold, conditional puts, coverage). Then {@code
 * events} small uploads (100 rows, 3 metrics, 3 months, 3 regions) of one tenant, each newer than
 * the last, go through the aggregator alone and then, as new events, through the kit's {@link
 * EventConsumer} (validation, dedupe claim, handler, completion), and as many {@code
 * tenant.provisioned.v1} through the consumer.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.AggregationThroughput [rows=200000] [events=10] [rounds=3]};
 * {@code rows=1000000} is the upload. {@code AWS_ENDPOINT_URL} points it at a running
 * emulator instead of starting moto.
 */
public final class AggregationThroughput {

  private static final int MONTHS = 24;
  private static final int METRICS = 3;
  private static final int REGIONS = 20;
  private static final String BYTES = "S3 bytes ms";
  private static final String ROWS = "S3 rows ms";
  private static final String AGGREGATE = "aggregate ms";
  private static final String RATIO = "aggregate / S3 rows";
  private static final String RATIO_BYTES = "aggregate / S3 bytes";
  private static final EnvelopeFactory METRICS_HANDLER =
      new EnvelopeFactory("metrics-handler", Clock.systemUTC(), EventCatalog.standard());
  private static final EnvelopeFactory TENANT_ONBOARD =
      new EnvelopeFactory("tenant-onboard", Clock.systemUTC(), EventCatalog.standard());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AggregationThroughput() {}

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) {
    Rounds rounds = Rounds.from(args, 10, 3);
    int rows = Rounds.setting(args, "rows", 200_000);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try (EmulatedAws aws = EmulatedAws.start();
        DynamoDbClient dynamo = aws.dynamo();
        S3Client s3 = aws.endpoint().configure(S3Client.builder().forcePathStyle(true)).build()) {
      String bucket = AwsResources.unique("bench-uploads");
      s3.createBucket(b -> b.bucket(bucket));
      String table = createCellsTable(dynamo);
      UploadAggregator aggregator =
          new UploadAggregator(s3, bucket, dynamo, new CellTable(table), 1_000_000, writers);
      String dedupe = EmulatedAws.createIdempotencyTable(dynamo);
      EventConsumer consumer =
          new EventConsumer(
              new ConsumerProperties(
                  "aggregation",
                  "bench-aggregation-queue",
                  dedupe,
                  Duration.ofSeconds(30),
                  Duration.ofDays(7),
                  Duration.ofMinutes(1)),
              AggregationHandlers.of(aggregator, new CellTable(table)),
              dynamo,
              new SimpleMeterRegistry(),
              Clock.systemUTC());
      byte[] large = object(rows, MONTHS, METRICS, REGIONS);
      System.out.printf(
          "AggregationThroughput: %,d rows (%d months x %d metrics x %d regions, %.1f MB"
              + " compressed) and %d small uploads x %d rounds after a warm-up, %s%n",
          rows,
          MONTHS,
          METRICS,
          REGIONS,
          large.length / 1e6,
          rounds.events(),
          rounds.rounds(),
          aws.describe());
      AtomicLong uploadClock = new AtomicLong(System.currentTimeMillis());
      Map<String, Double> lastCounts = new LinkedHashMap<>();

      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                String tenant = "tenant-bench" + round + Long.toHexString(uploadClock.get());
                MetricsIngested upload = store(s3, bucket, tenant, uploadClock, large, rows);
                String key = upload.objectKey();
                Map<String, Double> measured = new LinkedHashMap<>();
                measured.put(BYTES, millis(() -> drainBytes(s3, bucket, key)));
                measured.put(ROWS, millis(() -> readRows(s3, bucket, key, rows)));
                Aggregated[] result = new Aggregated[1];
                measured.put(
                    AGGREGATE, millis(() -> result[0] = aggregate(aggregator, tenant, upload)));
                measured.put(RATIO, measured.get(AGGREGATE) / measured.get(ROWS));
                measured.put(RATIO_BYTES, measured.get(AGGREGATE) / measured.get(BYTES));
                measured.put("aggregate: read+fold ms", (double) result[0].reading().toMillis());
                measured.put("aggregate: write ms", (double) result[0].writing().toMillis());
                lastCounts.put("cells", (double) result[0].cells());
                lastCounts.put("item writes", (double) result[0].itemsWritten());
                measured.putAll(
                    small(s3, bucket, aggregator, consumer, uploadClock, rounds.events()));
                return measured;
              });

      System.out.println();
      System.out.println("== RESULT AggregationThroughput ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      System.out.printf(
          "cell writes of the large upload: %.0f cells in %.0f conditional PutItems (month totals"
              + " and breakdown pages) plus %d coverage updates; goal aggregate <= 3x S3 rows: %s%n",
          lastCounts.get("cells"),
          lastCounts.get("item writes"),
          METRICS,
          Rounds.median(results.get(RATIO)) <= 3 ? "met" : "NOT met");
    } finally {
      writers.shutdown();
    }
  }

  /** Small uploads: handler alone, then the consumer path, per event in ms. */
  private static Map<String, Double> small(
      S3Client s3,
      String bucket,
      UploadAggregator aggregator,
      EventConsumer consumer,
      AtomicLong uploadClock,
      int events) {
    String tenant = "tenant-small" + Long.toHexString(uploadClock.get());
    byte[] object = object(100, 3, 3, 3);
    List<MetricsIngested> direct = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      direct.add(store(s3, bucket, tenant, uploadClock, object, 100));
    }
    for (int i = 0; i < events; i++) {
      MetricsIngested upload = store(s3, bucket, tenant, uploadClock, object, 100);
      bodies.add(
          TestEvents.eventBridgeBody(
              METRICS_HANDLER.create(TenantId.of(tenant), upload, Flow.start())));
    }
    List<String> provisioned = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      EventEnvelope event =
          TENANT_ONBOARD.create(
              TenantId.of(tenant + "p" + i),
              EventSamples.payload(TenantProvisioned.class),
              Flow.start());
      provisioned.add(TestEvents.eventBridgeBody(event));
    }
    Map<String, Double> measured = new LinkedHashMap<>();
    measured.put(
        "small upload: handler ms/event",
        millis(() -> direct.forEach(u -> aggregate(aggregator, tenant, u))) / events);
    measured.put(
        "small upload: consumer ms/event",
        millis(() -> bodies.forEach(b -> consume(consumer, b))) / events);
    measured.put(
        "tenant.provisioned: consumer ms/event",
        millis(() -> provisioned.forEach(b -> consume(consumer, b))) / events);
    return measured;
  }

  private static void consume(EventConsumer consumer, String body) {
    ConsumeOutcome outcome = consumer.consume(body);
    if (outcome.status() != ConsumeOutcome.Status.PROCESSED) {
      throw new IllegalStateException("not processed: " + outcome);
    }
  }

  private static Aggregated aggregate(
      UploadAggregator aggregator, String tenant, MetricsIngested upload) {
    try {
      return aggregator.aggregate(tenant, upload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores the object as a new upload of the tenant (a newer upload id) and returns its event. */
  private static MetricsIngested store(
      S3Client s3, String bucket, String tenant, AtomicLong uploadClock, byte[] object, long rows) {
    String uploadId = String.format("upl-%012x-benchbench", uploadClock.incrementAndGet());
    String key = "tenants/" + tenant + "/uploads/" + uploadId + ".rows.jsonl.gz";
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(object));
    return new MetricsIngested(
        new UploadId(uploadId),
        "bench.csv",
        key,
        "0".repeat(64),
        object.length,
        rows,
        rows,
        0,
        List.of("metric0"),
        null,
        null,
        null);
  }

  /**
   * {@code rows} normalized rows, evenly over the months, metrics and regions: row i has metric i
   * mod metrics, month (i / metrics) mod months, region (i / (metrics * months)) mod regions.
   */
  static byte[] object(int rows, int months, int metrics, int regions) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NormalizedRowsWriter writer = new NormalizedRowsWriter(out, JSON);
      YearMonth first = YearMonth.of(2024, 1);
      for (int i = 0; i < rows; i++) {
        YearMonth month = first.plusMonths((i / metrics) % months);
        writer.write(
            new NormalizedRow(
                i + 1,
                month.atDay(1 + i % 28).toString(),
                "metric" + (i % metrics),
                BigDecimal.valueOf((i * 7919L) % 1_000_000 - 100_000, 2),
                Map.of("region", "region-" + ((i / (metrics * months)) % regions))));
      }
      writer.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drainBytes(S3Client s3, String bucket, String key) {
    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readRows(S3Client s3, String bucket, String key, long expected) {
    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      long read = new NormalizedRowsReader(JSON).read(in, row -> {});
      if (read != expected) {
        throw new IllegalStateException("read " + read + " rows, not " + expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  /** The {@code {env}-metric-cells} table: hash {@code pk}, range {@code sk}. */
  private static String createCellsTable(DynamoDbClient dynamo) {
    String name = AwsResources.unique("bench-metric-cells");
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    return name;
  }
}
