package com.salestalk.metricshandler.uploads;

import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Writes accepted rows on another thread, so that the JSON and the compression of the normalized
 * rows run beside the reading and checking of the file rather than after each row. Rows are passed
 * in batches through a bounded queue: at most {@value #QUEUED_BATCHES} batches of {@value #BATCH}
 * rows wait, whatever the file.
 *
 * <p>{@link #finish()} waits until every row is written and the gzip stream ended; {@link #close()}
 * without it (the read failed) stops the writing thread and waits for it, so that the object it
 * wrote to can be discarded safely. A failure of the writing (the object's S3 part upload) is
 * rethrown by the next {@link #accept} or by {@link #finish()}.
 */
final class BackgroundRowWriter implements MetricsCsv.RowSink, AutoCloseable {

  static final int BATCH = 1000;
  static final int QUEUED_BATCHES = 4;

  /** Put after the last batch; compared by identity. */
  private static final List<NormalizedRow> END = Collections.unmodifiableList(new ArrayList<>());

  private final BlockingQueue<List<NormalizedRow>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final CompletableFuture<Void> writing;
  private volatile boolean stopped;
  private volatile boolean failed;
  private boolean interrupted; // the writing thread's own
  private List<NormalizedRow> batch = new ArrayList<>(BATCH);
  private boolean ended;

  /** Starts the writing thread on {@code executor}. */
  BackgroundRowWriter(NormalizedRowsWriter writer, Executor executor) {
    this.writing = CompletableFuture.runAsync(() -> write(writer), executor);
  }

  private void write(NormalizedRowsWriter writer) {
    RuntimeException failure = null;
    for (List<NormalizedRow> rows = take(); rows != END; rows = take()) {
      if (failure == null && !stopped && !interrupted) {
        try {
          rows.forEach(writer::write);
        } catch (RuntimeException e) {
          // keep taking until the end, so the reading thread never blocks on a full queue
          failure = e;
          failed = true;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (interrupted) {
      throw new UncheckedIOException(new InterruptedIOException("the row writer was interrupted"));
    }
    if (!stopped) {
      try {
        writer.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private List<NormalizedRow> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // only the end marker ends this thread: the reading thread may be waiting to put it
        interrupted = true;
        failed = true;
      }
    }
  }

  @Override
  public void accept(NormalizedRow row) throws IOException {
    batch.add(row);
    if (batch.size() == BATCH) {
      if (failed) {
        end();
        rethrowFailure();
      }
      put(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Writes the last rows, ends the gzip stream and waits for both. */
  void finish() throws IOException {
    if (!batch.isEmpty()) {
      put(batch);
      batch = new ArrayList<>(0);
    }
    end();
    rethrowFailure();
  }

  /** Stops the writing thread if {@link #finish()} did not end it, and waits for it. */
  @Override
  public void close() {
    if (!ended) {
      stopped = true;
      ended = true;
      boolean interrupted = false;
      while (true) {
        try {
          queue.put(END);
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the writing thread keeps taking: the put succeeds
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    writing.handle((done, failure) -> null).join();
  }

  private void end() throws IOException {
    ended = true;
    put(END);
  }

  private void put(List<NormalizedRow> rows) throws IOException {
    try {
      queue.put(rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rows were written");
    }
  }

  private void rethrowFailure() throws IOException {
    try {
      writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rows were written");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }
}
