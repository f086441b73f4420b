package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.testsupport.Http.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's committed OpenAPI document ({@code docs/openapi/<service>.json}) against the one it
 * serves: when the file is missing or stale, it is rewritten and the check fails, so the build
 * catches drift and the fix is a commit.
 */
public final class CommittedOpenApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CommittedOpenApi() {}

  /**
   * Compares {@code /v3/api-docs} of the service on {@code port} (without its {@code servers},
   * which name the random port) with {@code file}.
   *
   * @return the served document, for checks of its content
   * @throws AssertionError when the file was missing or stale (it has been regenerated)
   */
  public static JsonNode assertCurrent(int port, Path file) throws IOException {
    Reply reply = new Http(port).send("GET", "/v3/api-docs", null);
    assertThat(reply.status()).as("GET /v3/api-docs").isEqualTo(200);
    ObjectNode served = (ObjectNode) reply.json();
    served.remove("servers");
    Optional<JsonNode> committed =
        Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
    if (committed.isEmpty() || !committed.get().equals(served)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
          StandardCharsets.UTF_8);
    }
    assertThat(committed)
        .as(file + " was missing or stale and has been regenerated; review and commit it")
        .contains(served);
    return served;
  }
}
