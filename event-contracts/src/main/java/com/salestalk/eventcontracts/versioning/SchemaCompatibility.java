package com.salestalk.eventcontracts.versioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares two revisions of a data schema under the seed's versioning strategy. Only three changes
 * are backward compatible inside one major version: adding an optional property, adding an enum
 * value, and marking a property {@code deprecated}. Every other change — removing or renaming a
 * property, changing a type, making a property (no longer) required, removing an enum value,
 * changing a constraint or a reference — is breaking and needs {@code vN+1}.
 */
public final class SchemaCompatibility {

  /** Keywords that only annotate a schema and never change what it accepts. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "$comment",
          "examples",
          "deprecated",
          "$id",
          "$schema",
          "default");

  private SchemaCompatibility() {}

  /**
   * The differences between two revisions.
   *
   * @param older the released revision
   * @param newer the candidate revision
   */
  public static Report compare(JsonNode older, JsonNode newer) {
    Report report = new Report(new ArrayList<>(), new ArrayList<>());
    compare("", older, newer, report);
    return report;
  }

  /**
   * What changed between two revisions.
   *
   * @param breaking changes that need a new major version
   * @param compatible changes allowed in a new minor revision
   */
  public record Report(List<String> breaking, List<String> compatible) {

    /** Whether nothing that matters changed. */
    public boolean unchanged() {
      return breaking.isEmpty() && compatible.isEmpty();
    }
  }

  private static void compare(String path, JsonNode older, JsonNode newer, Report report) {
    if (older.equals(newer)) {
      return;
    }
    if (!older.isObject() || !newer.isObject()) {
      report.breaking().add(at(path) + "schema changed from " + older + " to " + newer);
      return;
    }
    Set<String> keywords = new HashSet<>(older.propertyNames());
    keywords.addAll(newer.propertyNames());
    for (String keyword : keywords) {
      JsonNode was = older.get(keyword);
      JsonNode is = newer.get(keyword);
      if (was != null && was.equals(is)) {
        continue;
      }
      switch (keyword) {
        case "properties" ->
            properties(path, was, is, older.get("required"), newer.get("required"), report);
        case "$defs" -> definitions(path, was, is, report);
        case "required" -> required(path, was, is, report);
        case "enum" -> enumeration(path, was, is, report);
        case "items", "additionalProperties", "propertyNames" ->
            nested(path + "/" + keyword, was, is, report);
        case "deprecated" -> {
          if (is != null && is.asBoolean(false)) {
            report.compatible().add(at(path) + "deprecated");
          } else {
            report.breaking().add(at(path) + "deprecation withdrawn");
          }
        }
        default -> {
          if (!ANNOTATIONS.contains(keyword)) {
            report
                .breaking()
                .add(at(path) + "'" + keyword + "' changed from " + text(was) + " to " + text(is));
          }
        }
      }
    }
  }

  private static void nested(String path, JsonNode was, JsonNode is, Report report) {
    if (was == null || is == null) {
      report.breaking().add(at(path) + (was == null ? "added" : "removed"));
    } else {
      compare(path, was, is, report);
    }
  }

  private static void properties(
      String path,
      JsonNode was,
      JsonNode is,
      JsonNode wasRequired,
      JsonNode isRequired,
      Report report) {
    Map<String, JsonNode> older = fields(was);
    Map<String, JsonNode> newer = fields(is);
    Set<String> required = strings(isRequired);
    for (Map.Entry<String, JsonNode> property : older.entrySet()) {
      String name = property.getKey();
      JsonNode now = newer.get(name);
      if (now == null) {
        report
            .breaking()
            .add(
                at(path)
                    + "property '"
                    + name
                    + "' removed (removing or renaming a field needs a new version)");
      } else {
        compare(path + "/properties/" + name, property.getValue(), now, report);
      }
    }
    for (String name : newer.keySet()) {
      if (!older.containsKey(name)) {
        if (required.contains(name)) {
          report.breaking().add(at(path) + "required property '" + name + "' added");
        } else {
          report.compatible().add(at(path) + "optional property '" + name + "' added");
        }
      }
    }
  }

  private static void definitions(String path, JsonNode was, JsonNode is, Report report) {
    Map<String, JsonNode> older = fields(was);
    Map<String, JsonNode> newer = fields(is);
    for (Map.Entry<String, JsonNode> definition : older.entrySet()) {
      JsonNode now = newer.get(definition.getKey());
      if (now == null) {
        report.breaking().add(at(path) + "definition '" + definition.getKey() + "' removed");
      } else {
        compare(path + "/$defs/" + definition.getKey(), definition.getValue(), now, report);
      }
    }
  }

  private static void required(String path, JsonNode was, JsonNode is, Report report) {
    Set<String> older = strings(was);
    Set<String> newer = strings(is);
    for (String name : older) {
      if (!newer.contains(name)) {
        report.breaking().add(at(path) + "property '" + name + "' is no longer required");
      }
    }
    // Newly required properties that are new are reported by properties(); existing ones becoming
    // required break.
    for (String name : newer) {
      if (!older.contains(name)) {
        report.breaking().add(at(path) + "property '" + name + "' became required");
      }
    }
  }

  private static void enumeration(String path, JsonNode was, JsonNode is, Report report) {
    if (was == null || is == null) {
      report.breaking().add(at(path) + "enum " + (was == null ? "added" : "removed"));
      return;
    }
    Set<String> older = strings(was);
    Set<String> newer = strings(is);
    for (String value : older) {
      if (!newer.contains(value)) {
        report.breaking().add(at(path) + "enum value '" + value + "' removed");
      }
    }
    for (String value : newer) {
      if (!older.contains(value)) {
        report.compatible().add(at(path) + "enum value '" + value + "' added");
      }
    }
  }

  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new java.util.LinkedHashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
    }
    return out;
  }

  private static String text(JsonNode node) {
    return node == null ? "(absent)" : node.toString();
  }

  private static String at(String path) {
    return (path.isEmpty() ? "/" : path) + ": ";
  }
}
