package com.salestalk.metricshandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.awsemulator.AwsEmulatorTest;
import com.salestalk.awsemulator.AwsEndpoint;
import com.salestalk.metricdata.rows.NormalizedRowsReader;
import com.salestalk.servicekit.auth.ApiKeys;
import com.salestalk.testsupport.AwsResources;
import com.salestalk.testsupport.GeneratedMetricsCsv;
import com.salestalk.testsupport.Http;
import com.salestalk.testsupport.ServiceProcess;
import com.salestalk.testsupport.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The largest upload the limits allow, about 48 MB and 1,000,000 rows, stored by the service's exec
 * jar running as {@code ./salestalk up} runs it: its own JVM with the heap capped at 256 MB ({@link
 * ServiceProcess#LOCAL_JVM_OPTIONS}), against the emulator with infra/template.yaml deployed. The
 * file is generated while it is sent; the service's heap is read from its GC log.
 */
@AwsEmulatorTest
class MetricsUploadHeapIT {

  static final int ROWS = 1_000_000;

  @Test
  void aMillionRowFileIsStoredWithTheServiceHeapCappedAt256Mb(AwsEndpoint aws) throws IOException {
    GeneratedMetricsCsv file = new GeneratedMetricsCsv(ROWS);
    GeneratedMetricsCsv.Digest digest = file.digest();
    assertThat(digest.bytes()).isBetween(45_000_000L, 50L * 1024 * 1024);
    try (TestStack stack = TestStack.deploy(aws);
        ServiceProcess service =
            ServiceProcess.start(
                ServiceProcess.execJar(Path.of("target"), "metrics-handler"),
                ServiceProcess.LOCAL_JVM_OPTIONS,
                stack.applicationProperties(),
                Duration.ofMinutes(2));
        DynamoDbClient dynamoDb = aws.configure(DynamoDbClient.builder()).build();
        S3Client s3 = aws.configure(S3Client.builder()).build()) {
      String apiKey = tenantKey(dynamoDb, stack.output("TenantsTableName"));

      Http.Reply reply =
          new Http(service.port())
              .postFile(
                  "/api/v1/metrics/uploads",
                  "file",
                  "million.csv",
                  file::open,
                  digest.bytes(),
                  "X-Api-Key",
                  apiKey);

      assertThat(reply.status())
          .as(() -> reply.body() + "\nthe service's log ends:\n" + service.logTail())
          .isEqualTo(201);
      JsonNode upload = reply.json();
      assertThat(upload.get("rowCount").asLong()).isEqualTo(ROWS);
      assertThat(upload.get("acceptedRows").asLong()).isEqualTo(ROWS);
      assertThat(upload.get("rejectedRows").asLong()).isZero();
      assertThat(upload.get("byteSize").asLong()).isEqualTo(digest.bytes());
      assertThat(upload.get("sha256").asString()).isEqualTo(digest.sha256());
      String bucket = stack.output("UploadsBucketName");
      String rowsKey = upload.get("objectKey").asString();
      String rawKey = rowsKey.replace(".rows.jsonl.gz", ".csv");
      assertThat(s3.headObject(b -> b.bucket(bucket).key(rawKey)).contentLength())
          .isEqualTo(digest.bytes());
      long[] lastRow = {0};
      try (InputStream rows = s3.getObject(b -> b.bucket(bucket).key(rowsKey))) {
        assertThat(
                new NormalizedRowsReader(JsonMapper.builder().build())
                    .read(rows, row -> lastRow[0] = row.row()))
            .isEqualTo(ROWS);
      }
      assertThat(lastRow[0]).isEqualTo(ROWS);

      ServiceProcess.Heap heap = service.heap();
      System.out.printf(
          "MetricsUploadHeapIT: %,d bytes, %,d rows stored; service heap (GC log): size %d MB,"
              + " peak %d MB used before a collection, %d collections (%d full)%n",
          digest.bytes(),
          ROWS,
          heap.committed(),
          heap.peakUsed(),
          heap.collections(),
          heap.fullCollections());
      assertThat(heap.collections()).isPositive();
      assertThat(heap.committed()).isLessThanOrEqualTo(256);
    }
  }

  /** A tenant of the stack's tenants table with a fresh API key; returns the key. */
  static String tenantKey(DynamoDbClient dynamoDb, String table) {
    String tenantId = "tenant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    String apiKey = ApiKeys.generate();
    AwsResources.putTenant(dynamoDb, table, tenantId, ApiKeys.hash(apiKey));
    return apiKey;
  }
}
