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

/** The OpenAPI documents services commit under {@code docs/openapi/}. */
public final class OpenApiDocuments {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OpenApiDocuments() {}

  /**
   * Requires {@code docs/openapi/<service>.json} to be what the running service serves at {@code
   * /v3/api-docs} (without {@code servers}, which name the test's random port). When it is not, the
   * file is rewritten and the assertion fails, so the build catches drift and the fix is a commit.
   *
   * @param http a client of the running service
   * @param service the file's name without {@code .json}, e.g. {@code insights}
   * @return the served document
   */
  public static JsonNode assertCommittedIsCurrent(Http http, String service) {
    Http.Reply reply = http.send("GET", "/v3/api-docs", null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    ObjectNode served = (ObjectNode) reply.json();
    served.remove("servers");
    // infra/template.yaml → the repository
    Path file =
        StackTemplate.find()
            .getParent()
            .getParent()
            .resolve("docs")
            .resolve("openapi")
            .resolve(service + ".json");
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
          .as(
              "docs/openapi/"
                  + service
                  + ".json was missing or stale and has been regenerated; review and commit it")
          .contains(served);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return served;
  }
}
