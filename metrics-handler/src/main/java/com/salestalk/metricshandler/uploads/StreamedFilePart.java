package com.salestalk.metricshandler.uploads;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.ContentDisposition;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The file part of a {@code multipart/form-data} request, read while the client sends it (Apache
 * Commons FileUpload's streaming API): nothing is spooled to disk or held in memory, so parsing and
 * storing overlap with receiving. Refusals are the exceptions Spring's own multipart handling
 * raises, answered as before: a request larger than the limit is {@link
 * MaxUploadSizeExceededException} (413; a declared {@code Content-Length} before any byte is read,
 * a chunked body at the limit), no file part of that name is {@link
 * MissingServletRequestPartException} (400), a broken body is {@link MultipartException}.
 */
final class StreamedFilePart {

  /** Reads a file part. */
  @FunctionalInterface
  interface Reader<T> {
    T read(String fileName, InputStream content) throws IOException;
  }

  private final long maxBytes;

  /**
   * @param maxBytes the largest request (the file and its multipart envelope)
   */
  StreamedFilePart(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Hands the first part named {@code field} that has a file name to {@code reader}; parts before
   * it are skipped, the body after it is not read.
   */
  <T> T read(HttpServletRequest request, String field, Reader<T> reader)
      throws IOException, MissingServletRequestPartException {
    if (request.getContentLengthLong() > maxBytes) {
      throw new MaxUploadSizeExceededException(maxBytes);
    }
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setSizeMax(maxBytes);
    upload.setFileSizeMax(maxBytes);
    try {
      FileItemInputIterator parts = upload.getItemIterator(request);
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        String fileName = fileName(part);
        if (field.equals(part.getFieldName()) && fileName != null) {
          return reader.read(fileName, part.getInputStream());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw refusal(e);
    }
    throw new MissingServletRequestPartException(field);
  }

  /** The file name as Spring reads it from {@code Content-Disposition}, or null for a field. */
  private static String fileName(FileItemInput part) {
    String disposition = part.getHeaders().getHeader("Content-Disposition");
    return disposition == null ? null : ContentDisposition.parse(disposition).getFilename();
  }

  /**
   * The refusal for a body over the limit or a broken one, wherever its exception surfaced (the CSV
   * reader wraps the stream's exceptions); any other failure as it came.
   */
  private RuntimeException refusal(Exception error) throws IOException {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileUploadSizeException) {
        return new MaxUploadSizeExceededException(maxBytes, cause);
      }
      if (cause instanceof FileUploadException) {
        return new MultipartException("Failed to parse multipart servlet request", cause);
      }
    }
    if (error instanceof IOException io) {
      throw io;
    }
    return (UncheckedIOException) error;
  }
}
