package com.salestalk.infra.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the intrinsic functions a deployed template's properties use: {@code Ref} (parameters,
 * pseudo parameters and the physical ids of resources, when known), {@code Fn::Sub}, {@code
 * Fn::Join}, {@code Fn::If} with the template's conditions ({@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}) and {@code AWS::NoValue}. Anything else (e.g.
 * {@code Fn::GetAtt}) fails with an {@link IllegalArgumentException} naming it, never silently.
 */
public final class Intrinsics {

  /** Region used when resolving without a deployed stack. */
  public static final String OFFLINE_REGION = "us-east-1";

  /** Account id used when resolving without a deployed stack (the emulator's default account). */
  public static final String OFFLINE_ACCOUNT = "123456789012";

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, String> refs;
  private final JsonNode conditionDefinitions;
  private final Map<String, Boolean> conditions = new HashMap<>();

  private Intrinsics(Map<String, String> refs, JsonNode conditionDefinitions) {
    this.refs = refs;
    this.conditionDefinitions = conditionDefinitions;
  }

  /**
   * Resolution as in a deployed stack.
   *
   * @param template the template
   * @param parameters parameter values; defaults fill the ones not given
   * @param region the stack's region
   * @param accountId the stack's account
   * @param stackName the stack's name
   * @param physicalIds physical ids of resources by logical id (what {@code Ref} of a resource
   *     gives); may be empty
   */
  public static Intrinsics of(
      CfnTemplate template,
      Map<String, String> parameters,
      String region,
      String accountId,
      String stackName,
      Map<String, String> physicalIds) {
    Map<String, String> refs = new LinkedHashMap<>(template.parameterDefaults());
    refs.putAll(parameters);
    refs.putAll(physicalIds);
    refs.put("AWS::Region", region);
    refs.put("AWS::AccountId", accountId);
    refs.put("AWS::StackName", stackName);
    refs.put("AWS::Partition", "aws");
    refs.put("AWS::URLSuffix", "amazonaws.com");
    return new Intrinsics(refs, template.conditions());
  }

  /** Resolution with the parameter defaults, the offline region and account, no resource ids. */
  public static Intrinsics offline(CfnTemplate template) {
    return of(template, Map.of(), OFFLINE_REGION, OFFLINE_ACCOUNT, "salestalk-local", Map.of());
  }

  /** A resolved copy of {@code node}; {@code AWS::NoValue} removes the property it stands in. */
  public JsonNode resolve(JsonNode node) {
    JsonNode resolved = resolveOrNoValue(node);
    return resolved == null ? NODES.missingNode() : resolved;
  }

  /** Resolves a node that must become a string. */
  public String resolveString(JsonNode node) {
    JsonNode resolved = resolve(node);
    if (!resolved.isValueNode()) {
      throw new IllegalArgumentException("expected a string, got " + resolved);
    }
    return resolved.asString();
  }

  /** Whether a condition of the template holds. */
  public boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    JsonNode definition = conditionDefinitions.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("template has no condition " + name);
    }
    boolean value = bool(definition);
    conditions.put(name, value);
    return value;
  }

  private JsonNode resolveOrNoValue(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode item : node) {
        JsonNode resolved = resolveOrNoValue(item);
        if (resolved != null) {
          out.add(resolved);
        }
      }
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    if (node.size() == 1) {
      String key = node.propertyNames().iterator().next();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        return function(key, node.get(key));
      }
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode resolved = resolveOrNoValue(e.getValue());
      if (resolved != null) {
        out.set(e.getKey(), resolved);
      }
    }
    return out;
  }

  private JsonNode function(String name, JsonNode argument) {
    return switch (name) {
      case "Ref" -> {
        String target = argument.asString();
        yield target.equals("AWS::NoValue") ? null : NODES.stringNode(ref(target));
      }
      case "Fn::Sub" -> NODES.stringNode(sub(argument));
      case "Fn::Join" -> NODES.stringNode(join(argument));
      case "Fn::If" -> {
        if (!argument.isArray() || argument.size() != 3) {
          throw new IllegalArgumentException("Fn::If needs [condition, then, else]: " + argument);
        }
        yield resolveOrNoValue(
            condition(argument.get(0).asString()) ? argument.get(1) : argument.get(2));
      }
      default ->
          throw new IllegalArgumentException(
              "unsupported intrinsic function " + name + ": " + argument);
    };
  }

  private String ref(String name) {
    String value = refs.get(name);
    if (value == null) {
      throw new IllegalArgumentException("cannot resolve Ref " + name);
    }
    return value;
  }

  private String sub(JsonNode argument) {
    String text;
    Map<String, String> variables = new HashMap<>();
    if (argument.isArray()) {
      text = argument.get(0).asString();
      for (Map.Entry<String, JsonNode> v : argument.get(1).properties()) {
        variables.put(v.getKey(), resolveString(v.getValue()));
      }
    } else {
      text = argument.asString();
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = "${" + m.group(2) + "}";
      } else if (variables.containsKey(m.group(2))) {
        replacement = variables.get(m.group(2));
      } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
        throw new IllegalArgumentException("unsupported attribute reference ${" + m.group(2) + "}");
      } else {
        replacement = ref(m.group(2));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String join(JsonNode argument) {
    StringBuilder out = new StringBuilder();
    String delimiter = argument.get(0).asString();
    JsonNode items = resolve(argument.get(1));
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : delimiter).append(items.get(i).asString());
    }
    return out.toString();
  }

  private boolean bool(JsonNode definition) {
    if (definition.isObject() && definition.size() == 1) {
      String key = definition.propertyNames().iterator().next();
      JsonNode arg = definition.get(key);
      switch (key) {
        case "Fn::Equals":
          return resolveString(arg.get(0)).equals(resolveString(arg.get(1)));
        case "Fn::Not":
          return !bool(arg.get(0));
        case "Fn::And":
          {
            boolean all = true;
            for (JsonNode a : arg) {
              all &= bool(a);
            }
            return all;
          }
        case "Fn::Or":
          {
            boolean any = false;
            for (JsonNode a : arg) {
              any |= bool(a);
            }
            return any;
          }
        case "Condition":
          return condition(arg.asString());
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unsupported condition " + definition);
  }
}
