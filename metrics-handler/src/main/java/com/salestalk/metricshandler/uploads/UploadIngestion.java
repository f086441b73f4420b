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
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One upload, start to end, on three threads: the request thread receives the file, hashing it and
 * storing it as the raw object; a worker parses and checks it a few megabytes behind ({@link
 * ChunkPipe}); another writes the accepted rows, normalized and compressed, to a second object
 * ({@link BackgroundRowWriter}). Then the upload record, the tenant's content marker and {@code
 * metrics.ingested.v1} are written in one DynamoDB transaction. Whatever fails on the way, both
 * objects are removed and nothing is recorded or published.
 */
class UploadIngestion {

  /** The service name: the event source and the catalog's producer. */
  static final String SERVICE = "metrics-handler";

  private static final Logger log = LoggerFactory.getLogger(UploadIngestion.class);

  /** Bytes received at a time. */
  static final int CHUNK = 64 * 1024;

  /** Chunks the receiving may be ahead of the parsing (8 MB). */
  static final int AHEAD_CHUNKS = 128;

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
  private final BufferPool chunks = new BufferPool(CHUNK, AHEAD_CHUNKS);
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
    long started = System.nanoTime();
    ChunkPipe pipe = new ChunkPipe(chunks, AHEAD_CHUNKS);
    BackgroundRowWriter normalized =
        new BackgroundRowWriter(new NormalizedRowsWriter(rows), workers);
    CompletableFuture<MetricsCsv.Result> parsed =
        CompletableFuture.supplyAsync(() -> parse(pipe, normalized), workers);
    try {
      TeeInputStream tee = new TeeInputStream(content, raw);
      MetricsCsv.Result result;
      String sha256;
      long read;
      try {
        if (!receive(tee, pipe)) {
          join(parsed); // the parser stopped early: this throws its refusal
          throw new IllegalStateException("the parser stopped early without a failure");
        }
        sha256 = tee.sha256();
        read = System.nanoTime();
        Optional<Upload> first = firstWithContent(tenant, sha256);
        if (first.isPresent()) {
          pipe.fail(new IOException("a repeat: not parsed further"));
          return new Repeated(first.get());
        }
        // The raw file is complete while its last rows are still checked and written; the rows
        // object is completed on a worker once they are.
        CompletableFuture<Void> rowsStored = parsed.thenRunAsync(rows::complete, workers);
        try {
          raw.complete();
        } finally {
          settled(rowsStored);
        }
        join(rowsStored);
        result = parsed.join();
      } finally {
        settled(parsed);
        normalized.close();
      }
      long stored = System.nanoTime();
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
      long recorded = System.nanoTime();
      log.info(
          "stored upload {} of {} ({} bytes, {} rows accepted, {} rejected), event {}, in {} ms"
              + " (receiving {} ms, completing the objects {} ms, recording {} ms)",
          id,
          tenant,
          upload.byteSize(),
          upload.acceptedRows(),
          upload.rejectedRows(),
          event.eventId(),
          (recorded - started) / 1_000_000,
          (read - started) / 1_000_000,
          (stored - read) / 1_000_000,
          (recorded - stored) / 1_000_000);
      return new Created(upload);
    } finally {
      if (!kept) {
        raw.discard();
        rows.discard();
      }
    }
  }

  /**
   * Reads the file into the pipe, copying it to the raw object and hashing it on the way.
   *
   * @return true when the whole file was read, false when the parser stopped first
   */
  private static boolean receive(TeeInputStream tee, ChunkPipe pipe) throws IOException {
    try {
      while (true) {
        byte[] chunk = pipe.chunk();
        int n = tee.readNBytes(chunk, 0, chunk.length);
        if (n == 0) {
          pipe.end();
          return true;
        }
        if (!pipe.put(chunk, n)) {
          return false;
        }
      }
    } catch (IOException e) {
      pipe.fail(e);
      throw e;
    } catch (RuntimeException e) {
      pipe.fail(new IOException("the file could not be received", e));
      throw e;
    }
  }

  /** Parses what the pipe brings and writes the accepted rows (on a worker). */
  private MetricsCsv.Result parse(ChunkPipe pipe, BackgroundRowWriter normalized) {
    try (InputStream in = pipe.input()) {
      MetricsCsv.Result result = csv.read(in, normalized);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      normalized.finish();
      return result;
    } catch (IOException e) {
      pipe.stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      pipe.stop();
      throw e;
    }
  }

  /** Waits until work on a worker ended, however it ended (the objects are discarded after). */
  private static void settled(CompletableFuture<?> work) {
    work.handle((done, failure) -> null).join();
  }

  /** Waits for work on a worker and rethrows its failure as it was thrown there. */
  private static void join(CompletableFuture<?> work) throws IOException {
    try {
      work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
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
