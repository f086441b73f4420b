package com.salestalk.metricshandler.uploads;

import com.salestalk.eventaws.outbox.Outbox;
import com.salestalk.eventcontracts.envelope.EnvelopeFactory;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.eventcontracts.events.UploadId;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One upload, start to end: the raw bytes go to S3 while FastCSV reads them, the accepted rows go,
 * normalized and compressed on a second thread, to a second object; then the upload record, the
 * tenant's content marker and {@code metrics.ingested.v1} are written in one DynamoDB transaction.
 * Whatever fails on the way, both objects are removed and nothing is recorded or published.
 */
class UploadIngestion {

  /** The service name: the event source and the catalog's producer. */
  static final String SERVICE = "metrics-handler";

  private static final Logger log = LoggerFactory.getLogger(UploadIngestion.class);

  /** The result of an upload. */
  sealed interface Outcome {
    Upload upload();
  }

  /** A new upload, stored and announced. */
  record Created(Upload upload) implements Outcome {}

  /** The tenant had uploaded the same bytes before: the first upload; nothing new was kept. */
  record Repeated(Upload upload) implements Outcome {}

  private final MetricsCsv csv;
  private final UploadObjects objects;
  private final UploadStore store;
  private final Outbox outbox;
  private final EnvelopeFactory events;
  private final UploadIds ids;
  private final Executor workers;
  private final Clock clock;

  UploadIngestion(
      MetricsCsv csv,
      UploadObjects objects,
      UploadStore store,
      Outbox outbox,
      EnvelopeFactory events,
      UploadIds ids,
      Executor workers,
      Clock clock) {
    this.csv = csv;
    this.objects = objects;
    this.store = store;
    this.outbox = outbox;
    this.events = events;
    this.ids = ids;
    this.workers = workers;
    this.clock = clock;
  }

  /**
   * @param tenant the authenticated tenant
   * @param fileName the part's file name (sanitised here)
   * @param content the file
   * @param flow the request's flow
   * @throws com.salestalk.servicekit.problem.ProblemException for a file that is refused
   */
  Outcome ingest(TenantId tenant, String fileName, InputStream content, Flow flow)
      throws IOException {
    String id = ids.next();
    ObjectSink raw = objects.open(Upload.rawKey(tenant, id), "text/csv; charset=utf-8", null);
    ObjectSink rows =
        objects.open(
            Upload.rowsKey(tenant, id),
            NormalizedRowsWriter.CONTENT_TYPE,
            NormalizedRowsWriter.CONTENT_ENCODING);
    boolean kept = false;
    try {
      TeeInputStream tee = new TeeInputStream(content, raw);
      MetricsCsv.Result result;
      try (BackgroundRowWriter normalized =
          new BackgroundRowWriter(new NormalizedRowsWriter(rows), workers)) {
        result = csv.read(tee, normalized);
        tee.drain();
        normalized.finish();
      }
      String sha256 = tee.sha256();
      Optional<Upload> first = firstWithContent(tenant, sha256);
      if (first.isPresent()) {
        return new Repeated(first.get());
      }
      raw.complete();
      rows.complete();
      Upload upload =
          new Upload(
              tenant,
              id,
              FileNames.sanitise(fileName),
              sha256,
              tee.count(),
              result.rowCount(),
              result.acceptedRows(),
              result.rejectedRows(),
              result.rejections(),
              result.metrics(),
              result.dimensions(),
              result.periodStart(),
              result.periodEnd(),
              Upload.rawKey(tenant, id),
              Upload.rowsKey(tenant, id),
              clock.instant().truncatedTo(ChronoUnit.MILLIS));
      EventEnvelope event = events.create(tenant, ingested(upload), flow);
      try {
        outbox.write(
            List.of(store.putNew(upload), store.putContent(tenant, sha256, id)), List.of(event));
      } catch (TransactionCanceledException e) {
        Optional<Upload> winner = firstWithContent(tenant, sha256);
        if (winner.isPresent()) {
          log.info("concurrent upload of the same file; answering with {}", winner.get().id());
          return new Repeated(winner.get());
        }
        throw e;
      }
      kept = true;
      log.info(
          "stored upload {} of {} ({} bytes, {} rows accepted, {} rejected), event {}",
          id,
          tenant,
          upload.byteSize(),
          upload.acceptedRows(),
          upload.rejectedRows(),
          event.eventId());
      return new Created(upload);
    } finally {
      if (!kept) {
        raw.discard();
        rows.discard();
      }
    }
  }

  private Optional<Upload> firstWithContent(TenantId tenant, String sha256) {
    return store
        .findByContent(tenant, sha256)
        .map(
            firstId ->
                store
                    .find(tenant, firstId)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "content marker points at missing upload " + firstId)));
  }

  private static MetricsIngested ingested(Upload upload) {
    return new MetricsIngested(
        new UploadId(upload.id()),
        upload.fileName(),
        upload.rowsKey(),
        upload.sha256(),
        upload.byteSize(),
        upload.rowCount(),
        upload.acceptedRows(),
        upload.rejectedRows(),
        upload.metrics(),
        upload.periodStart(),
        upload.periodEnd(),
        upload.rejections().isEmpty()
            ? null
            : upload.rejections().stream()
                .map(r -> new MetricsIngested.Rejection(r.row(), r.reason()))
                .toList());
  }
}
