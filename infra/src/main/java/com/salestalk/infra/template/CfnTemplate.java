package com.salestalk.infra.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A CloudFormation template read with a plain YAML parser (the template uses no short-form tags).
 * Gives its parameters, conditions and resources; {@link Intrinsics} resolves the intrinsic
 * functions of a part of it.
 */
public final class CfnTemplate {

  /** Where the template lives, relative to the repository root. */
  public static final String PATH = "infra/template.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final JsonMapper JSON = JsonMapper.shared();

  private final JsonNode root;

  private CfnTemplate(JsonNode root) {
    if (!root.path("Resources").isObject()) {
      throw new IllegalArgumentException("not a CloudFormation template: no Resources section");
    }
    this.root = root;
  }

  /** Parses template text. */
  public static CfnTemplate parse(String yaml) {
    return new CfnTemplate(YAML.readTree(yaml));
  }

  /** Reads a template file. */
  public static CfnTemplate load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole template tree. */
  public JsonNode root() {
    return root;
  }

  /** Each parameter's default value as CloudFormation passes it (a string); absent if none. */
  public Map<String, String> parameterDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : root.path("Parameters").properties()) {
      JsonNode def = p.getValue().get("Default");
      if (def != null && !def.isNull()) {
        defaults.put(p.getKey(), def.asString());
      }
    }
    return defaults;
  }

  /** Every resource, in template order. */
  public List<Resource> resources() {
    List<Resource> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> r : root.path("Resources").properties()) {
      out.add(
          new Resource(
              r.getKey(), r.getValue().path("Type").asString(), r.getValue().path("Properties")));
    }
    return out;
  }

  /** The resources of one type, e.g. {@code AWS::SQS::Queue}, in template order. */
  public List<Resource> resources(String type) {
    return resources().stream().filter(r -> r.type().equals(type)).toList();
  }

  /** The resource with a logical id. */
  public Resource resource(String logicalId) {
    JsonNode node = root.path("Resources").get(logicalId);
    if (node == null) {
      throw new IllegalArgumentException("template has no resource " + logicalId);
    }
    return new Resource(logicalId, node.path("Type").asString(), node.path("Properties"));
  }

  /** Every {@code AWS::Events::Rule}, with its pattern as JSON and what its targets point at. */
  public List<EventRule> rules() {
    List<EventRule> out = new ArrayList<>();
    for (Resource r : resources("AWS::Events::Rule")) {
      List<String> targets = new ArrayList<>();
      List<String> deadLetters = new ArrayList<>();
      int retryPolicies = 0;
      for (JsonNode target : r.properties().path("Targets")) {
        targets.add(getAttTarget(target.path("Arn"), r.logicalId()));
        if (target.has("DeadLetterConfig")) {
          deadLetters.add(getAttTarget(target.path("DeadLetterConfig").path("Arn"), r.logicalId()));
        }
        if (target.has("RetryPolicy")) {
          retryPolicies++;
        }
      }
      JsonNode pattern = r.properties().required("EventPattern");
      out.add(
          new EventRule(
              r.logicalId(),
              JSON.writeValueAsString(
                  pattern.isString() ? JSON.readTree(pattern.asString()) : pattern),
              targets,
              deadLetters,
              retryPolicies));
    }
    return out;
  }

  private static String getAttTarget(JsonNode arn, String rule) {
    JsonNode getAtt = arn.path("Fn::GetAtt");
    if (getAtt.isArray() && getAtt.size() == 2) {
      return getAtt.get(0).asString();
    }
    if (getAtt.isString()) {
      return getAtt.asString().substring(0, getAtt.asString().indexOf('.'));
    }
    throw new IllegalArgumentException(
        rule + ": target ARN must be Fn::GetAtt of a resource: " + arn);
  }

  /** The output names and their (unresolved) values. */
  public Map<String, JsonNode> outputs() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> o : root.path("Outputs").properties()) {
      out.put(o.getKey(), o.getValue().path("Value"));
    }
    return out;
  }

  /** The template's conditions, unresolved. */
  JsonNode conditions() {
    return root.path("Conditions");
  }

  /**
   * One resource of the template.
   *
   * @param logicalId its logical id
   * @param type its resource type
   * @param properties its properties, unresolved
   */
  public record Resource(String logicalId, String type, JsonNode properties) {}
}
