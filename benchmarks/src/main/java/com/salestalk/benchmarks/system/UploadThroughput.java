package com.salestalk.benchmarks.system;

import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.GeneratedMetricsCsv;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.ServiceProcess;
import com.salestalk.testsupport.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * A metrics CSV upload through metrics-handler's HTTP API against a plain S3 PutObject of the same
 * bytes to the same endpoint and bucket, in the same run: the goal is at most {@value #GOAL}× the
 * put.
 *
 * <p>Deploys infra/template.yaml into the emulator and starts metrics-handler's exec jar as {@code
 * ./salestalk up} does, but with the full JIT ({@link #JVM_OPTIONS}; {@code -Dservice.jvm="..."}
 * gives others, {@code -Dservice.properties="name=value ..."} more properties, {@code
 * -Dservice.jar=...} another jar). It generates a file of {@code rows} rows (about 48 bytes each)
 * once, then per round a new tenant uploads it ({@code POST /api/v1/metrics/uploads}, timed from
 * the request to the 201) and the same file is put to the uploads bucket, the two alternating which
 * goes first. Prints each round's times, the CPU time the service and the emulator spent, and the
 * service's heap from its GC log.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q package -DskipTests -pl benchmarks
 * -am}: {@code java -cp benchmarks/target/benchmarks.jar
 * com.salestalk.benchmarks.system.UploadThroughput [rows=1000000] [rounds=3]}; {@code
 * AWS_ENDPOINT_URL} points it at a running emulator instead of starting moto.
 */
public final class UploadThroughput {

  private static final double GOAL = 3.0;

  /**
   * {@code ./salestalk up}'s heap cap and collector with the full JIT: its {@code
   * -XX:TieredStopAtLevel=1} trades peak speed (no optimising compiler, no SHA-256 intrinsic) for a
   * quick start of five services on a small machine, which is not what a throughput goal is about.
   * {@code -Dservice.jvm="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"} measures that too.
   */
  static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

  private static final String UPLOAD = "upload ms";
  private static final String PUT = "PutObject ms";
  private static final String RATIO = "upload / PutObject";
  private static final String SERVICE_CPU = "service CPU ms";
  private static final String EMULATOR_CPU = "emulator CPU ms";

  private UploadThroughput() {}

  /** Runs the rounds and prints the result block. */
  public static void main(String[] args) throws IOException {
    int rows = Rounds.setting(args, "rows", 1_000_000);
    Rounds rounds = new Rounds(rows, Rounds.setting(args, "rounds", 3));
    List<String> jvmOptions =
        System.getProperty("service.jvm") == null
            ? JVM_OPTIONS
            : Arrays.asList(System.getProperty("service.jvm").trim().split("\\s+"));
    Path jar =
        System.getProperty("service.jar") == null
            ? ServiceProcess.execJar(Path.of("metrics-handler", "target"), "metrics-handler")
            : Path.of(System.getProperty("service.jar"));
    Path file = Files.createTempFile("salestalk-upload-", ".csv");
    try (InputStream generated = new GeneratedMetricsCsv(rows).open()) {
      Files.copy(generated, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    long bytes = Files.size(file);
    try (EmulatedAws aws = EmulatedAws.start();
        TestStack stack = TestStack.deploy(aws.endpoint());
        ServiceProcess service =
            ServiceProcess.start(jar, jvmOptions, serviceProperties(stack), Duration.ofMinutes(3));
        S3Client s3 = aws.endpoint().configure(S3Client.builder()).build();
        DynamoDbClient dynamo = aws.dynamo()) {
      Http http = new Http(service.port());
      String bucket = stack.output("UploadsBucketName");
      System.out.printf(
          Locale.ROOT,
          "UploadThroughput: %,d rows, %,d bytes, %d rounds after a warm-up, %s, service JVM %s%n",
          rows,
          bytes,
          rounds.rounds(),
          aws.describe(),
          String.join(" ", jvmOptions));

      Map<String, List<Double>> results =
          rounds.run(
              round -> {
                String apiKey = tenant(dynamo, stack.output("TenantsTableName"));
                long serviceCpu = Rounds.CpuTime.cpuNanos(service.handle());
                Rounds.CpuTime cpu = Rounds.CpuTime.now();
                long upload;
                long put;
                if (round % 2 == 0) {
                  upload = upload(http, apiKey, file, rows);
                  put = put(s3, bucket, file, round);
                } else {
                  put = put(s3, bucket, file, round);
                  upload = upload(http, apiKey, file, rows);
                }
                long serviceSpent = Rounds.CpuTime.cpuNanos(service.handle()) - serviceCpu;
                Rounds.CpuTime cpuAfter = Rounds.CpuTime.now();
                Map<String, Double> measured = new LinkedHashMap<>();
                measured.put(UPLOAD, upload / 1e6);
                measured.put(PUT, put / 1e6);
                measured.put(RATIO, (double) upload / put);
                measured.put(SERVICE_CPU, serviceSpent / 1e6);
                measured.put(
                    EMULATOR_CPU,
                    (cpuAfter.emulatorNanos() - cpu.emulatorNanos() - serviceSpent) / 1e6);
                return measured;
              });

      ServiceProcess.Heap heap = service.heap();
      double ratio = Rounds.median(results.get(RATIO));
      System.out.println();
      System.out.println("== RESULT UploadThroughput ==");
      results.forEach((name, values) -> System.out.println(Rounds.summary(name, values)));
      System.out.printf(
          Locale.ROOT,
          "median upload / PutObject: %.2fx, goal <= %.1fx: %s%n",
          ratio,
          GOAL,
          ratio <= GOAL ? "met" : "MISSED");
      System.out.printf(
          Locale.ROOT,
          "service heap over the run (GC log): heap size %d MB, peak %d MB used before a"
              + " collection, %d collections of which %d full, at most %d MB live after a full one%n",
          heap.committed(),
          heap.peakUsed(),
          heap.collections(),
          heap.fullCollections(),
          heap.maxLive());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * The stack's properties and those of {@code -Dservice.properties="name=value ..."} (e.g. {@code
   * salestalk.uploads.part-size=5MB}).
   */
  private static Map<String, String> serviceProperties(TestStack stack) {
    Map<String, String> properties = new LinkedHashMap<>(stack.applicationProperties());
    String extra = System.getProperty("service.properties", "").trim();
    for (String property : extra.isEmpty() ? new String[0] : extra.split("\\s+")) {
      int equals = property.indexOf('=');
      properties.put(property.substring(0, equals), property.substring(equals + 1));
    }
    return properties;
  }

  /** A tenant with a fresh API key in the stack's tenants table; returns the key. */
  private static String tenant(DynamoDbClient dynamo, String table) {
    String apiKey = ApiKeys.generate();
    String tenantId =
        "tenant-bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    AwsResources.putTenant(dynamo, table, tenantId, ApiKeys.hash(apiKey));
    return apiKey;
  }

  /** Nanoseconds from the request to the 201, which must count every row. */
  private static long upload(Http http, String apiKey, Path file, int rows) {
    long start = System.nanoTime();
    Http.Reply reply =
        http.postFile(
            "/api/v1/metrics/uploads",
            "file",
            "million.csv",
            () -> {
              try {
                return Files.newInputStream(file);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            size(file),
            "X-Api-Key",
            apiKey);
    long nanos = System.nanoTime() - start;
    JsonNode body = reply.status() == 201 ? reply.json() : null;
    if (body == null || body.get("acceptedRows").asLong() != rows) {
      throw new IllegalStateException(
          "the upload answered " + reply.status() + ": " + reply.body());
    }
    return nanos;
  }

  /** Nanoseconds of one PutObject of the file into the uploads bucket. */
  private static long put(S3Client s3, String bucket, Path file, int round) {
    long start = System.nanoTime();
    s3.putObject(
        b -> b.bucket(bucket).key("bench/plain-" + round + ".csv").contentType("text/csv"),
        RequestBody.fromFile(file));
    return System.nanoTime() - start;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
