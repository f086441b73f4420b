package com.salestalk.eventaws.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The build describes every key of the kit for IDEs (Spring Boot's configuration processor). */
class ConfigurationMetadataTest {

  private static final Path METADATA =
      Path.of("target/classes/META-INF/spring-configuration-metadata.json");

  @Test
  void everyKeyHasADescriptionAndTheDefaultOfItsRecord() {
    JsonNode properties =
        JsonMapper.builder().build().readTree(METADATA.toFile()).get("properties");
    Map<String, String> defaults = new HashMap<>();
    for (JsonNode property : properties) {
      assertThat(property.path("description").asString())
          .as(property.get("name").asString())
          .isNotBlank();
      defaults.put(property.get("name").asString(), property.path("defaultValue").asString());
    }
    assertThat(defaults)
        .containsEntry("salestalk.outbox.enabled", "false")
        .containsEntry("salestalk.outbox.relay.interval", "1s")
        .containsEntry("salestalk.publisher.bus-name", "salestalk")
        .containsEntry("salestalk.publisher.max-attempts", "4")
        .containsKey("salestalk.outbox.table");
  }
}
