package com.salestalk.validation.reports;

import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.metricdata.rows.NormalizedRowsReader;
import com.salestalk.validation.checks.CheckSettings;
import com.salestalk.validation.checks.QualityReport;
import com.salestalk.validation.checks.UploadChecks;
import com.salestalk.validation.checks.UploadFacts;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handling of one {@code metrics.ingested.v1}: streams the upload's normalized rows from S3
 * through the checks and returns the write of its report, which the consumer kit commits with the
 * event's dedupe record (one report per upload, exactly once per event).
 */
public final class UploadValidation {

  private static final Logger log = LoggerFactory.getLogger(UploadValidation.class);

  private final S3Client s3;
  private final String bucket;
  private final ReportItems items;
  private final CheckSettings settings;
  private final QualityScores scores;
  private final Clock clock;
  private final NormalizedRowsReader reader =
      new NormalizedRowsReader(JsonMapper.builder().build());

  /**
   * @param s3 reads the normalized rows
   * @param bucket the uploads bucket
   * @param table the reports table
   * @param settings what the checks hold an upload to
   * @param registry where the quality scores go
   * @param clock the reports' {@code checkedAt}
   */
  public UploadValidation(
      S3Client s3,
      String bucket,
      String table,
      CheckSettings settings,
      MeterRegistry registry,
      Clock clock) {
    this.s3 = s3;
    this.bucket = bucket;
    this.items = new ReportItems(table);
    this.settings = settings;
    this.scores = new QualityScores(registry);
    this.clock = clock;
  }

  /**
   * Checks the upload an event announces.
   *
   * @return the put of its report
   * @throws IllegalArgumentException if the object is not one of the event's tenant, or a row's
   *     date is not a date
   * @throws IOException when the object cannot be read
   * @throws NormalizedRowsReader.MalformedRowsException when it is not normalized rows
   * @throws software.amazon.awssdk.core.exception.SdkException from S3 (e.g. no such key)
   */
  public TransactWriteItem validate(EventEnvelope event, MetricsIngested upload)
      throws IOException {
    String prefix = "tenants/" + event.tenantId().value() + "/uploads/";
    if (!upload.objectKey().startsWith(prefix)) {
      throw new IllegalArgumentException(
          "object " + upload.objectKey() + " is not under " + prefix + " (the event's tenant)");
    }
    Instant start = clock.instant();
    UploadChecks checks =
        new UploadChecks(
            settings,
            new UploadFacts(
                upload.acceptedRows(),
                upload.rejectedRows(),
                upload.rejections() == null // metrics-handler leaves it out when there are none
                    ? List.of()
                    : upload.rejections().stream().map(MetricsIngested.Rejection::row).toList(),
                event.timestamp()));
    long rows =
        reader.read(s3.getObject(b -> b.bucket(bucket).key(upload.objectKey())), checks::accept);
    QualityReport report = checks.finish();
    scores.record(report);
    Instant checkedAt = clock.instant();
    log.info(
        "checked upload {} of {}: {} ({} rows in {} ms)",
        upload.uploadId().value(),
        event.tenantId(),
        report.status().id(),
        rows,
        Duration.between(start, checkedAt).toMillis());
    return items.put(
        event.tenantId(), upload.uploadId().value(), event.eventId(), report, checkedAt);
  }
}
