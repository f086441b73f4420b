package com.salestalk.metricshandler.uploads;

import java.io.ByteArrayInputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An S3 object written as a stream with two part buffers: an object smaller than a part is one
 * PutObject, a larger one a multipart upload started when the first part is full. While one part is
 * sent (on {@code executor}) the next one fills, so parsing does not wait for S3; at most one part
 * is in flight. An abandoned multipart upload (the process died) is removed by the bucket's
 * lifecycle rule.
 */
final class S3ObjectSink extends ObjectSink {

  private static final Logger log = LoggerFactory.getLogger(S3ObjectSink.class);

  private final S3Client s3;
  private final Executor executor;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final String contentEncoding;
  private final BufferPool buffers;
  private byte[] part;
  private byte[] spare;
  private int filled;
  private String uploadId;
  private CompletableFuture<CompletedPart> inFlight;
  private final List<CompletedPart> parts = new ArrayList<>();
  private boolean completed;
  private String versionId;

  S3ObjectSink(
      S3Client s3,
      Executor executor,
      String bucket,
      String key,
      String contentType,
      String contentEncoding,
      BufferPool buffers) {
    this.s3 = s3;
    this.executor = executor;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType;
    this.contentEncoding = contentEncoding;
    this.buffers = buffers;
    this.part = buffers.take();
  }

  @Override
  public void write(int b) {
    if (filled == part.length) {
      sendPart();
    }
    part[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (filled == part.length) {
        sendPart();
      }
      int n = Math.min(length, part.length - filled);
      System.arraycopy(bytes, offset, part, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  /** Sends the full buffer as the next part and continues in the other buffer. */
  private void sendPart() {
    if (uploadId == null) {
      uploadId =
          s3.createMultipartUpload(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .contentType(contentType)
                          .contentEncoding(contentEncoding))
              .uploadId();
    }
    awaitInFlight();
    byte[] sending = part;
    int length = filled;
    int number = parts.size() + 1;
    inFlight =
        CompletableFuture.supplyAsync(
            () ->
                CompletedPart.builder()
                    .partNumber(number)
                    .eTag(
                        s3.uploadPart(
                                b ->
                                    b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                RequestBody.fromInputStream(
                                    new ByteArrayInputStream(sending, 0, length), length))
                            .eTag())
                    .build(),
            executor);
    part = spare == null ? buffers.take() : spare;
    spare = sending;
    filled = 0;
  }

  /** Waits for the part in flight and records it; rethrows its failure. */
  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      parts.add(inFlight.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted sending " + key));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new CompletionException(e.getCause());
    } finally {
      inFlight = null;
    }
  }

  @Override
  String complete() {
    if (uploadId == null) {
      versionId =
          s3.putObject(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .contentType(contentType)
                          .contentEncoding(contentEncoding),
                  RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled))
              .versionId();
    } else {
      if (filled > 0) {
        sendPart();
      }
      awaitInFlight();
      versionId =
          s3.completeMultipartUpload(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .multipartUpload(m -> m.parts(parts)))
              .versionId();
    }
    completed = true;
    release();
    return versionId;
  }

  /** Gives the buffers back once no part is in flight; writing after this is an error. */
  private void release() {
    if (part != null) {
      buffers.give(part);
    }
    if (spare != null) {
      buffers.give(spare);
    }
    part = null;
    spare = null;
  }

  @Override
  void discard() {
    try {
      if (inFlight != null) {
        try {
          inFlight.join();
        } catch (CompletionException | CancellationException e) {
          // the part failed; the upload is aborted below
        }
      }
      if (completed) {
        // The version itself, so a versioned bucket keeps no copy behind a delete marker.
        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
      } else if (uploadId != null) {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      }
    } catch (RuntimeException e) {
      log.warn("could not remove s3://{}/{}: {}", bucket, key, e.toString());
    } finally {
      release();
    }
  }
}
