package com.salestalk.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for tests against a service running on a local port (a
 * {@code @LocalServerPort}): plain and chunked bodies, headers as name/value pairs, JSON replies.
 */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  /** A client for {@code http://127.0.0.1:port}. */
  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with its body parsed when it is JSON. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    /** The parsed body. */
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** Sends a request; headers alternate name, value. */
  public Reply send(String method, String path, String body, String... headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return send(method, path, publisher, headers);
  }

  /** Sends text as a stream of unknown length (chunked, no Content-Length). */
  public Reply sendChunked(String method, String path, String body, String... headers) {
    return sendChunked(method, path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Sends a body as a stream of unknown length (chunked, no Content-Length). */
  public Reply sendChunked(String method, String path, byte[] body, String... headers) {
    return send(
        method,
        path,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
        headers);
  }

  /**
   * POSTs a {@code multipart/form-data} body with one file part whose content is streamed from
   * {@code content} (never held in memory), with a {@code Content-Length}. It is written with
   * {@link HttpURLConnection} in 64 KB blocks: the {@link HttpClient} spends several times the CPU
   * on a large body, which would compete with the service on a small machine.
   *
   * @param field the part's name
   * @param fileName the part's file name
   * @param content opens the file's bytes
   * @param length their number
   * @param headers more headers, alternating name and value
   */
  public Reply postFile(
      String path,
      String field,
      String fileName,
      Supplier<InputStream> content,
      long length,
      String... headers) {
    String boundary = "----salestalk" + UUID.randomUUID();
    byte[] head = multipartHead(boundary, field, fileName);
    byte[] tail = multipartTail(boundary);
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      try {
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(head.length + length + tail.length);
        connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        for (int i = 0; i < headers.length; i += 2) {
          connection.setRequestProperty(headers[i], headers[i + 1]);
        }
        try (OutputStream out = connection.getOutputStream();
            InputStream in = content.get()) {
          out.write(head);
          byte[] block = new byte[64 * 1024];
          for (int n = in.read(block); n >= 0; n = in.read(block)) {
            out.write(block, 0, n);
          }
          out.write(tail);
        }
        int status = connection.getResponseCode();
        InputStream body =
            status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        Map<String, List<String>> replyHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection
            .getHeaderFields()
            .forEach(
                (name, values) -> {
                  if (name != null) {
                    replyHeaders.put(name, values);
                  }
                });
        return new Reply(
            status,
            replyHeaders,
            body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What comes before a file part's content in a {@code multipart/form-data} body with this
   * boundary: the delimiter line and the part's headers ({@code Content-Type: text/csv}).
   */
  public static byte[] multipartHead(String boundary, String field, String fileName) {
    return ("--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What comes after the last part's content: the closing delimiter. */
  public static byte[] multipartTail(String boundary) {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private Reply send(
      String method, String path, HttpRequest.BodyPublisher publisher, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
