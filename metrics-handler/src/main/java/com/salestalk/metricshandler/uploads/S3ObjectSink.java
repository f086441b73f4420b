package com.salestalk.metricshandler.uploads;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An S3 object written as a stream with one part buffer: an object smaller than a part is one
 * PutObject, a larger one a multipart upload started when the first part is full. An abandoned
 * multipart upload (the process died) is removed by the bucket's lifecycle rule.
 */
final class S3ObjectSink extends ObjectSink {

  private static final Logger log = LoggerFactory.getLogger(S3ObjectSink.class);

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final String contentEncoding;
  private final byte[] part;
  private int filled;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private boolean completed;
  private String versionId;

  S3ObjectSink(
      S3Client s3,
      String bucket,
      String key,
      String contentType,
      String contentEncoding,
      int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType;
    this.contentEncoding = contentEncoding;
    this.part = new byte[partSize];
  }

  @Override
  public void write(int b) {
    if (filled == part.length) {
      uploadPart();
    }
    part[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (filled == part.length) {
        uploadPart();
      }
      int n = Math.min(length, part.length - filled);
      System.arraycopy(bytes, offset, part, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  private void uploadPart() {
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
    int number = parts.size() + 1;
    String etag =
        s3.uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)))
            .eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    filled = 0;
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
                  RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)))
              .versionId();
    } else {
      if (filled > 0) {
        uploadPart();
      }
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
    return versionId;
  }

  @Override
  void discard() {
    try {
      if (completed) {
        // The version itself, so a versioned bucket keeps no copy behind a delete marker.
        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
      } else if (uploadId != null) {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      }
    } catch (RuntimeException e) {
      log.warn(
          "could not remove s3://{}/{} (the bucket's lifecycle rules expire it): {}",
          bucket,
          key,
          e.toString());
    }
  }
}
