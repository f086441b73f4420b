package com.salestalk.aggregation;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload as metrics-handler would have stored it: its rows, the normalized object's bytes and
 * its {@code metrics.ingested.v1}; and the figures the tests expect, computed from the rows alone.
 *
 * @param tenantId the tenant
 * @param uploadId {@code upl-{12 hex of uploadMillis}-{10 random}}
 * @param rows the accepted rows
 */
record TestUpload(String tenantId, String uploadId, List<NormalizedRow> rows) {

  static final EnvelopeFactory METRICS_HANDLER =
      new EnvelopeFactory("metrics-handler", Clock.systemUTC(), EventCatalog.standard());

  /** An upload made at {@code instant} (RFC 3339) with a fixed random part. */
  static TestUpload at(String tenantId, String instant, List<NormalizedRow> rows) {
    long millis = Instant.parse(instant).toEpochMilli();
    return new TestUpload(tenantId, String.format("upl-%012x-abcdefghij", millis), rows);
  }

  /** Where metrics-handler stores the normalized rows. */
  String objectKey() {
    return "tenants/" + tenantId + "/uploads/" + uploadId + ".rows.jsonl.gz";
  }

  /** The gzip'd JSON Lines object. */
  byte[] object() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      NormalizedRowsWriter writer = new NormalizedRowsWriter(out, JsonMapper.builder().build());
      rows.forEach(writer::write);
      writer.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The upload's {@code metrics.ingested.v1}, as metrics-handler publishes it. */
  EventEnvelope event() {
    return event(objectKey(), rows.size());
  }

  EventEnvelope event(String objectKey, long acceptedRows) {
    MetricsIngested payload =
        new MetricsIngested(
            new UploadId(uploadId),
            "metrics.csv",
            objectKey,
            "0".repeat(64),
            1000,
            acceptedRows,
            acceptedRows,
            0,
            rows.stream().map(NormalizedRow::metric).distinct().sorted().toList(),
            null,
            null,
            null);
    return METRICS_HANDLER.create(TenantId.of(tenantId), payload, Flow.start());
  }

  /**
   * Rows of every metric in every month: {@code perRegion} rows per region, values with two
   * decimals (some negative), dates spread over the month, always with a region and for the metric
   * {@code revenue} also a product.
   */
  static List<NormalizedRow> rows(
      List<String> metrics,
      YearMonth from,
      YearMonth to,
      List<String> regions,
      int perRegion,
      long seed) {
    Random random = new Random(seed);
    List<NormalizedRow> rows = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      for (String metric : metrics) {
        for (String region : regions) {
          for (int i = 0; i < perRegion; i++) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("region", region);
            if (metric.equals("revenue")) {
              dimensions.put("product", random.nextBoolean() ? "Widgets, Pro" : "Gadgets");
            }
            String date = month.atDay(1 + random.nextInt(month.lengthOfMonth())).toString();
            BigDecimal value = BigDecimal.valueOf(random.nextInt(2_000_000) - 200_000, 2);
            rows.add(new NormalizedRow(rows.size() + 1, date, metric, value, dimensions));
          }
        }
      }
    }
    return rows;
  }

  /**
   * Figures computed from rows alone: total, count, min, max.
   *
   * @param total the sum
   * @param count the rows
   * @param min the smallest value
   * @param max the largest value
   */
  record Figures(BigDecimal total, long count, BigDecimal min, BigDecimal max) {}

  /**
   * What a summary over {@code months} must show: each month's rows of the metric are those of the
   * newest upload that has rows of the metric in that month; of those, the rows {@code filter}
   * keeps.
   */
  static Optional<Figures> expected(
      List<TestUpload> uploads,
      String metric,
      List<YearMonth> months,
      Predicate<NormalizedRow> filter) {
    BigDecimal total = BigDecimal.ZERO;
    long count = 0;
    BigDecimal min = null;
    BigDecimal max = null;
    for (YearMonth month : months) {
      Predicate<NormalizedRow> inMonth =
          r -> r.metric().equals(metric) && r.date().startsWith(month.toString());
      Optional<TestUpload> owner =
          uploads.stream()
              .filter(u -> u.rows().stream().anyMatch(inMonth))
              .max(Comparator.comparing(TestUpload::uploadId));
      if (owner.isEmpty()) {
        continue;
      }
      for (NormalizedRow row : owner.get().rows()) {
        if (inMonth.test(row) && filter.test(row)) {
          total = total.add(row.value());
          count++;
          min = min == null || row.value().compareTo(min) < 0 ? row.value() : min;
          max = max == null || row.value().compareTo(max) > 0 ? row.value() : max;
        }
      }
    }
    return count == 0 ? Optional.empty() : Optional.of(new Figures(total, count, min, max));
  }
}
