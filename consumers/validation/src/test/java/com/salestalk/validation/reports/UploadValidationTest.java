package com.salestalk.validation.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import com.salestalk.validation.checks.CheckSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.json.JsonMapper;

/** The handler without AWS: S3 answers from memory, the report item is only built. */
class UploadValidationTest {

  static final Instant NOW = Instant.parse("2026-04-10T08:00:00Z");
  static final TenantId TENANT = TenantId.of("tenant-acme");
  static final String KEY = "tenants/tenant-acme/uploads/upl-019a3c5e7f21-k3v9q2m8xz.rows.jsonl.gz";

  final List<String> reads = new ArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  UploadValidation validation(byte[] object) {
    S3Client s3 =
        new S3Client() {
          @Override
          public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
            reads.add(request.bucket() + "/" + request.key());
            return new ResponseInputStream<>(
                GetObjectResponse.builder().build(),
                AbortableInputStream.create(new ByteArrayInputStream(object)));
          }

          @Override
          public String serviceName() {
            return "s3";
          }

          @Override
          public void close() {}
        };
    return new UploadValidation(
        s3,
        "uploads",
        "reports",
        new CheckSettings(Set.of("revenue"), BigDecimal.ONE, Duration.ofDays(35), 20),
        registry,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static EventEnvelope event(TenantId tenant, String key) {
    return new EnvelopeFactory(
            "metrics-handler", Clock.fixed(NOW, ZoneOffset.UTC), EventCatalog.standard())
        .create(
            tenant,
            new MetricsIngested(
                new UploadId("upl-019a3c5e7f21-k3v9q2m8xz"),
                "metrics.csv",
                key,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                64,
                2,
                2,
                0,
                List.of("revenue"),
                "2026-03",
                "2026-03",
                null),
            Flow.start());
  }

  static byte[] rows() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    NormalizedRowsWriter writer = new NormalizedRowsWriter(bytes, JsonMapper.builder().build());
    writer.write(
        new NormalizedRow(1, "2026-03", "revenue", new BigDecimal("10"), Map.of("region", "EMEA")));
    writer.write(
        new NormalizedRow(2, "2026-03", "revenue", new BigDecimal("-1"), Map.of("region", "AMER")));
    writer.finish();
    return bytes.toByteArray();
  }

  @Test
  void anUploadWithoutRejectionsIsReadFromItsObjectAndReportedWithItsScores() throws Exception {
    EventEnvelope event = event(TENANT, KEY);

    TransactWriteItem put =
        validation(rows()).validate(event, event.payload(MetricsIngested.class));

    assertThat(reads).containsExactly("uploads/" + KEY);
    assertThat(put.put().tableName()).isEqualTo("reports");
    assertThat(put.put().item().get("status").s()).isEqualTo("failed");
    assertThat(put.put().item().get("checkedAt").s()).isEqualTo("2026-04-10T08:00:00Z");
    assertThat(registry.get("salestalk.validation.score").tag("check", "non-negative").summary())
        .satisfies(
            summary -> {
              assertThat(summary.count()).isEqualTo(1);
              assertThat(summary.totalAmount()).isEqualTo(0.5);
            });
    assertThat(registry.get("salestalk.validation.score").summaries()).hasSize(6);
  }

  @Test
  void anObjectOutsideTheEventsTenantIsNotRead() throws Exception {
    EventEnvelope event =
        event(TenantId.of("tenant-intruder"), KEY); // acme's object, announced for another tenant

    assertThatThrownBy(
            () -> validation(rows()).validate(event, event.payload(MetricsIngested.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "object "
                + KEY
                + " is not under tenants/tenant-intruder/uploads/ (the event's tenant)");
    assertThat(reads).isEmpty();
  }
}
