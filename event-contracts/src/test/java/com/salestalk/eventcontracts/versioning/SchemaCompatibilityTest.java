package com.salestalk.eventcontracts.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each rule of the seed's versioning strategy, shown with a concrete pair of schema revisions. */
class SchemaCompatibilityTest {

  private static final String RELEASED =
      """
      {"type": "object", "required": ["name", "plan"], "additionalProperties": false,
       "properties": {
         "name": {"type": "string", "maxLength": 200},
         "plan": {"enum": ["trial", "standard"]},
         "region": {"type": "string"}}}
      """;

  @Test
  void addingAnOptionalFieldIsCompatible() {
    SchemaCompatibility.Report report =
        compare(
            RELEASED.replace(
                "\"region\": {\"type\": \"string\"}",
                "\"region\": {\"type\": \"string\"}, \"features\": {\"type\": \"array\"}"));

    assertThat(report.breaking()).isEmpty();
    assertThat(report.compatible()).containsExactly("/: optional property 'features' added");
  }

  @Test
  void addingAnEnumValueIsCompatible() {
    SchemaCompatibility.Report report =
        compare(
            RELEASED.replace(
                "[\"trial\", \"standard\"]", "[\"trial\", \"standard\", \"enterprise\"]"));

    assertThat(report.breaking()).isEmpty();
    assertThat(report.compatible())
        .containsExactly("/properties/plan: enum value 'enterprise' added");
  }

  @Test
  void deprecatingAFieldIsCompatible() {
    SchemaCompatibility.Report report =
        compare(
            RELEASED.replace(
                "\"region\": {\"type\": \"string\"}",
                "\"region\": {\"type\": \"string\", \"deprecated\": true, \"description\": \"use location\"}"));

    assertThat(report.breaking()).isEmpty();
    assertThat(report.compatible()).containsExactly("/properties/region: deprecated");
  }

  @Test
  void removingARequiredFieldIsBreaking() {
    SchemaCompatibility.Report report =
        compare(
            RELEASED
                .replace("\"required\": [\"name\", \"plan\"]", "\"required\": [\"name\"]")
                .replace("\"plan\": {\"enum\": [\"trial\", \"standard\"]},", ""));

    assertThat(report.breaking())
        .containsExactlyInAnyOrder(
            "/: property 'plan' removed (removing or renaming a field needs a new version)",
            "/: property 'plan' is no longer required");
  }

  @Test
  void changingATypeIsBreaking() {
    SchemaCompatibility.Report report =
        compare(
            RELEASED.replace(
                "\"region\": {\"type\": \"string\"}", "\"region\": {\"type\": \"object\"}"));

    assertThat(report.breaking())
        .containsExactly("/properties/region: 'type' changed from \"string\" to \"object\"");
  }

  @Test
  void renamingAFieldIsBreaking() {
    SchemaCompatibility.Report report = compare(RELEASED.replace("\"region\":", "\"location\":"));

    assertThat(report.breaking())
        .containsExactly(
            "/: property 'region' removed (removing or renaming a field needs a new version)");
    assertThat(report.compatible()).containsExactly("/: optional property 'location' added");
  }

  @Test
  void addingARequiredFieldOrRemovingAnEnumValueOrTighteningAConstraintIsBreaking() {
    assertThat(
            compare(
                    RELEASED
                        .replace("[\"name\", \"plan\"]", "[\"name\", \"plan\", \"currency\"]")
                        .replace(
                            "\"region\": {\"type\": \"string\"}",
                            "\"region\": {\"type\": \"string\"}, \"currency\": {\"type\": \"string\"}"))
                .breaking())
        .containsExactlyInAnyOrder(
            "/: required property 'currency' added", "/: property 'currency' became required");
    assertThat(compare(RELEASED.replace("[\"trial\", \"standard\"]", "[\"trial\"]")).breaking())
        .containsExactly("/properties/plan: enum value 'standard' removed");
    assertThat(compare(RELEASED.replace("200", "100")).breaking())
        .containsExactly("/properties/name: 'maxLength' changed from 200 to 100");
  }

  @Test
  void identicalRevisionsAreUnchanged() {
    assertThat(compare(RELEASED).unchanged()).isTrue();
  }

  private static SchemaCompatibility.Report compare(String candidate) {
    return SchemaCompatibility.compare(read(RELEASED), read(candidate));
  }

  private static JsonNode read(String json) {
    return JsonMapper.shared().readTree(json);
  }
}
