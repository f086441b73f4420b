package com.salestalk.benchmarks.system;

import com.salestalk.eventaws.consume.ConsumeOutcome;
import com.salestalk.eventaws.consume.ConsumerProperties;
import com.salestalk.eventaws.consume.EventConsumer;
import com.salestalk.eventaws.consume.EventHandlers;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsReader;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.TestEvents;
import com.salestalk.validation.checks.CheckSettings;
import com.salestalk.validation.reports.UploadValidation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation consumer's cost per {@code metrics.ingested.v1}, for an upload of {@code rows}
 * normalized rows (100,000 by default: two years of daily values of 3 metrics by 46 region and
 * product pairs) stored in the emulator's S3 as metrics-handler stores it.
 *
 * <p>Each round times, on the same object: the floor, reading it alone (GetObject, gunzip, parse
 * every row, as {@code NormalizedRowsReader} does for any consumer); the handler ({@code
 * UploadValidation.validate}: the same read through the six checks, and the report's item); and a
 * whole event through the consumer kit ({@code EventConsumer.consume} of the SQS body: validation,
 * dedupe claim, the handler, the report committed with the done record in one transaction), each
 * with a fresh eventId. It prints each as wall and thread CPU milliseconds per event (the CPU time
 * is steadier on a loaded machine; the emulator's own time is in the wall time only) and as ratios
 * to the floor.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.ValidationHandlerCost [rows=100000] [rounds=3]}; {@code
 * AWS_ENDPOINT_URL} points it at a running emulator instead of starting moto.
 */
public final class ValidationHandlerCost {

  private static final String FLOOR = "read alone";
  private static final String HANDLER = "handler";
  private static final String CONSUMED = "through the kit";
  private static final String WALL = " ms/event";
  private static final String CPU = " thread CPU ms/event";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final TenantId TENANT = TenantId.of("tenant-bench");
  private static final List<String> METRICS = List.of("revenue", "units", "deals_closed");

  private ValidationHandlerCost() {}

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) throws IOException {
    int rows = Rounds.setting(args, "rows", 100_000);
    Rounds rounds = new Rounds(Math.max(rows, 10), Rounds.setting(args, "rounds", 3));
    JsonMapper json = JsonMapper.builder().build();
    try (EmulatedAws aws = EmulatedAws.start();
        DynamoDbClient dynamo = aws.dynamo();
        S3Client s3 = aws.endpoint().configure(S3Client.builder()).forcePathStyle(true).build()) {
      String bucket = AwsResources.unique("bench-uploads");
      s3.createBucket(b -> b.bucket(bucket));
      String reports = createReportsTable(dynamo);
      String key = "tenants/" + TENANT.value() + "/uploads/upl-bench.rows.jsonl.gz";
      byte[] object = normalized(rows, json);
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(object));
      UploadValidation validation =
          new UploadValidation(
              s3,
              bucket,
              reports,
              new CheckSettings(Set.copyOf(METRICS), BigDecimal.ONE, Duration.ofDays(35), 20),
              new SimpleMeterRegistry(),
              Clock.systemUTC());
      EventConsumer consumer =
          new EventConsumer(
              new ConsumerProperties(
                  "validation",
                  "bench-validation",
                  EmulatedAws.createIdempotencyTable(dynamo),
                  Duration.ofMinutes(5),
                  Duration.ofDays(7),
                  Duration.ofMinutes(1)),
              EventHandlers.builder()
                  .onTransactional(
                      MetricsIngested.class,
                      (event, upload, effects) -> effects.add(validation.validate(event, upload)))
                  .build(),
              dynamo,
              new SimpleMeterRegistry(),
              Clock.systemUTC());
      EnvelopeFactory events =
          new EnvelopeFactory("metrics-handler", Clock.systemUTC(), EventCatalog.standard());
      NormalizedRowsReader reader = new NormalizedRowsReader(json);
      System.out.printf(
          "ValidationHandlerCost: an upload of %d rows (%d bytes gzip'd) x %d rounds after a"
              + " warm-up, %s%n",
          rows, object.length, rounds.rounds(), aws.describe());

      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                Map<String, Double> measured = new LinkedHashMap<>();
                // the warm-up round runs everything three times, so the JIT has compiled it
                for (int pass = round == 0 ? 3 : 1; pass > 0; pass--) {
                  measure(measured, FLOOR, () -> readAlone(s3, bucket, key, reader, rows));
                  EventEnvelope event = events.create(TENANT, ingested(rows, key), Flow.start());
                  measure(
                      measured,
                      HANDLER,
                      () -> validation.validate(event, event.payload(MetricsIngested.class)));
                  String body =
                      TestEvents.eventBridgeBody(
                          events.create(TENANT, ingested(rows, key), Flow.start()));
                  measure(measured, CONSUMED, () -> processed(consumer.consume(body)));
                }
                return measured;
              });

      System.out.println();
      System.out.println("== RESULT ValidationHandlerCost ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      for (String unit : List.of(WALL, CPU)) {
        double floor = Rounds.median(results.get(FLOOR + unit));
        System.out.printf(
            "%s: handler / read alone %.2f, through the kit / read alone %.2f%n",
            unit.strip(),
            Rounds.median(results.get(HANDLER + unit)) / floor,
            Rounds.median(results.get(CONSUMED + unit)) / floor);
      }
    }
  }

  /** The {@code {env}-data-quality-reports} table of docs/DATA_CONTRACTS.md; returns its name. */
  private static String createReportsTable(DynamoDbClient dynamo) {
    String name = AwsResources.unique("bench-data-quality-reports");
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("tenantId").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("uploadId").attributeType(ScalarAttributeType.S))
                .keySchema(
                    k -> k.attributeName("tenantId").keyType(KeyType.HASH),
                    k -> k.attributeName("uploadId").keyType(KeyType.RANGE)));
    return name;
  }

  /** The upload's rows, as metrics-handler writes them: days, then metrics, regions, products. */
  private static byte[] normalized(int rows, JsonMapper json) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NormalizedRowsWriter writer = new NormalizedRowsWriter(bytes, json);
    LocalDate first = LocalDate.parse("2024-04-01");
    for (int i = 0; i < rows; i++) {
      int product = i % 23;
      int region = (i / 23) % 2;
      int metric = (i / 46) % METRICS.size();
      int day = i / (46 * METRICS.size());
      Map<String, String> dimensions = new LinkedHashMap<>();
      dimensions.put("region", region == 0 ? "EMEA" : "AMER");
      dimensions.put("product", "product-" + product);
      writer.write(
          new NormalizedRow(
              i + 1,
              first.plusDays(day).toString(),
              METRICS.get(metric),
              BigDecimal.valueOf(1000 + 10L * product + day % 7, 1),
              dimensions));
    }
    writer.finish();
    return bytes.toByteArray();
  }

  private static MetricsIngested ingested(int rows, String key) {
    return new MetricsIngested(
        new UploadId("upl-bench"),
        "bench.csv",
        key,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        rows * 48L,
        rows,
        rows,
        0,
        METRICS,
        null,
        null,
        null);
  }

  private static void readAlone(
      S3Client s3, String bucket, String key, NormalizedRowsReader reader, int rows)
      throws IOException {
    long read = reader.read(s3.getObject(b -> b.bucket(bucket).key(key)), row -> {});
    if (read != rows) {
      throw new IllegalStateException("read " + read + " rows of " + rows);
    }
  }

  private static void processed(ConsumeOutcome outcome) {
    if (outcome.status() != ConsumeOutcome.Status.PROCESSED) {
      throw new IllegalStateException("the event was not processed: " + outcome);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /**
   * Runs {@code work} and puts its wall time and the CPU time of this thread (which makes every
   * call of it: S3, DynamoDB, the checks) in milliseconds.
   */
  private static void measure(Map<String, Double> measured, String name, Work work) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try {
      work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    measured.put(name + WALL, (System.nanoTime() - start) / 1e6);
    measured.put(name + CPU, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
  }
}
