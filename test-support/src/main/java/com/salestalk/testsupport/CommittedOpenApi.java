package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a service's committed OpenAPI document ({@code docs/openapi/<service>.json}) equal to what
 * it serves: when it is missing or stale, the file is rewritten and the assertion fails, so the
 * build catches the drift and the fix is a commit.
 */
public final class CommittedOpenApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CommittedOpenApi() {}

  /**
   * Compares {@code /v3/api-docs} of the running service (its {@code servers} left out) with the
   * committed file, rewriting the file when they differ.
   *
   * @param http the service
   * @param file the committed document, e.g. {@code ../docs/openapi/tenant-onboard.json}
   * @param path a path the document must describe, e.g. {@code /api/v1/tenants}
   */
  public static void assertCurrent(Http http, Path file, String path) {
    Http.Reply reply = http.send("GET", "/v3/api-docs", null);
    assertThat(reply.status()).isEqualTo(200);
    ObjectNode served = (ObjectNode) reply.json();
    served.remove("servers");
    assertThat(served.get("paths").has(path)).as("the document describes " + path).isTrue();
    try {
      Optional<JsonNode> committed =
          Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
      if (committed.isEmpty() || !committed.get().equals(served)) {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
            StandardCharsets.UTF_8);
      }
      assertThat(committed)
          .as(file + " was missing or stale and has been regenerated; review and commit it")
          .contains(served);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
