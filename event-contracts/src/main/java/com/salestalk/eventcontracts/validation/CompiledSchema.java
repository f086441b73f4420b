package com.salestalk.eventcontracts.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * A JSON schema compiled to plain predicates, for the keywords SalesTalk contracts use. It answers
 * one question fast: "is this instance certainly valid?". {@code true} must mean networknt finds no
 * error (proven by differential tests); {@code false} only means "ask networknt", which stays the
 * authority for verdicts and messages. So every check here may be stricter than the specification,
 * never looser; where the two could disagree (numbers that are integral doubles, exotic date-times,
 * mixed-type arrays) it answers {@code false}.
 *
 * <p>A schema that uses any keyword outside {@link #KEYWORDS} is not compiled at all, so a new
 * keyword costs speed, never correctness.
 */
final class CompiledSchema {

  /** Keywords that carry no assertion. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "$defs",
          "title",
          "description",
          "examples",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly");

  /** Assertion keywords compiled here. */
  static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "enum",
          "const",
          "required",
          "properties",
          "additionalProperties",
          "minProperties",
          "maxProperties",
          "propertyNames",
          "items",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minLength",
          "maxLength",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "$ref");

  private final Predicate<JsonNode> root;

  private CompiledSchema(Predicate<JsonNode> root) {
    this.root = root;
  }

  /** The compiled schema, or empty when it uses something this class does not compile. */
  static Optional<CompiledSchema> compile(JsonNode schema) {
    try {
      return Optional.of(new CompiledSchema(new Compiler(schema).compile(schema)));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** {@code true} only if the instance is valid against the schema. */
  boolean certainlyValid(JsonNode instance) {
    return root.test(instance);
  }

  /** Thrown while compiling a schema that needs networknt for everything. */
  private static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final class Compiler {
    private final JsonNode document;
    private final Map<String, Predicate<JsonNode>> refs = new HashMap<>();

    Compiler(JsonNode document) {
      this.document = document;
    }

    Predicate<JsonNode> compile(JsonNode schema) {
      if (schema.isBoolean()) {
        boolean accept = schema.booleanValue();
        return value -> accept;
      }
      if (!schema.isObject()) {
        throw new Unsupported("schema is " + schema.getNodeType());
      }
      for (String keyword : schema.propertyNames()) {
        if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
          throw new Unsupported(keyword);
        }
      }
      List<Predicate<JsonNode>> checks = new ArrayList<>();
      JsonNode type = schema.get("type");
      if (type != null) {
        checks.add(type(type));
      }
      JsonNode values = schema.get("enum");
      if (values != null) {
        checks.add(oneOfStrings(values));
      }
      JsonNode constant = schema.get("const");
      if (constant != null) {
        checks.add(oneOfStrings(List.of(constant)));
      }
      JsonNode ref = schema.get("$ref");
      if (ref != null) {
        checks.add(ref(ref.asString()));
      }
      addObjectChecks(schema, checks);
      addArrayChecks(schema, checks);
      addStringChecks(schema, checks);
      addNumberChecks(schema, checks);
      return all(checks);
    }

    private static Predicate<JsonNode> all(List<Predicate<JsonNode>> checks) {
      @SuppressWarnings("unchecked")
      Predicate<JsonNode>[] array = checks.toArray(Predicate[]::new);
      return switch (array.length) {
        case 0 -> value -> true;
        case 1 -> array[0];
        default ->
            value -> {
              for (Predicate<JsonNode> check : array) {
                if (!check.test(value)) {
                  return false;
                }
              }
              return true;
            };
      };
    }

    private static Predicate<JsonNode> type(JsonNode type) {
      if (type.isArray()) {
        List<Predicate<JsonNode>> any = new ArrayList<>();
        type.forEach(name -> any.add(type(name)));
        return value -> any.stream().anyMatch(check -> check.test(value));
      }
      return switch (type.asString()) {
        case "object" -> JsonNode::isObject;
        case "array" -> JsonNode::isArray;
        case "string" -> JsonNode::isString;
        case "boolean" -> JsonNode::isBoolean;
        case "null" -> JsonNode::isNull;
        case "number" -> JsonNode::isNumber;
        // 1.0 is an integer to the specification; leave that judgement to networknt
        case "integer" -> JsonNode::isIntegralNumber;
        default -> throw new Unsupported("type " + type);
      };
    }

    /** enum/const over strings only; anything else (where numeric equality matters) defers. */
    private static Predicate<JsonNode> oneOfStrings(Iterable<JsonNode> values) {
      Set<String> allowed = new HashSet<>();
      for (JsonNode value : values) {
        if (!value.isString()) {
          throw new Unsupported("enum of " + value.getNodeType());
        }
        allowed.add(value.asString());
      }
      return value -> value.isString() && allowed.contains(value.asString());
    }

    private Predicate<JsonNode> ref(String ref) {
      if (!ref.startsWith("#/$defs/") || ref.indexOf('/', 8) >= 0 || ref.indexOf('~') >= 0) {
        throw new Unsupported("$ref " + ref);
      }
      String name = ref.substring(8);
      Predicate<JsonNode> known = refs.get(ref);
      if (known != null) {
        return known;
      }
      JsonNode target = document.path("$defs").get(name);
      if (target == null) {
        throw new Unsupported("unresolved $ref " + ref);
      }
      // a holder first, so a recursive definition refers to itself instead of looping here
      @SuppressWarnings("unchecked")
      Predicate<JsonNode>[] holder = new Predicate[1];
      Predicate<JsonNode> indirect = value -> holder[0].test(value);
      refs.put(ref, indirect);
      holder[0] = compile(target);
      return indirect;
    }

    private void addObjectChecks(JsonNode schema, List<Predicate<JsonNode>> checks) {
      JsonNode required = schema.get("required");
      if (required != null) {
        List<String> names = new ArrayList<>();
        required.forEach(name -> names.add(name.asString()));
        String[] array = names.toArray(String[]::new);
        checks.add(
            value -> {
              if (!value.isObject()) {
                return true;
              }
              for (String name : array) {
                if (!value.has(name)) {
                  return false;
                }
              }
              return true;
            });
      }
      JsonNode properties = schema.get("properties");
      JsonNode additional = schema.get("additionalProperties");
      if (properties != null || additional != null) {
        Map<String, Predicate<JsonNode>> known = new HashMap<>();
        if (properties != null) {
          for (Map.Entry<String, JsonNode> property : properties.properties()) {
            known.put(property.getKey(), compile(property.getValue()));
          }
        }
        Predicate<JsonNode> others = additional == null ? null : compile(additional);
        checks.add(
            value -> {
              if (!value.isObject()) {
                return true;
              }
              for (Map.Entry<String, JsonNode> property : value.properties()) {
                Predicate<JsonNode> check = known.get(property.getKey());
                if (check == null) {
                  check = others;
                }
                if (check != null && !check.test(property.getValue())) {
                  return false;
                }
              }
              return true;
            });
      }
      int min = intKeyword(schema, "minProperties", 0);
      int max = intKeyword(schema, "maxProperties", Integer.MAX_VALUE);
      if (min > 0 || max < Integer.MAX_VALUE) {
        checks.add(value -> !value.isObject() || (value.size() >= min && value.size() <= max));
      }
      JsonNode propertyNames = schema.get("propertyNames");
      if (propertyNames != null) {
        Predicate<JsonNode> check = compile(propertyNames);
        checks.add(
            value -> {
              if (!value.isObject()) {
                return true;
              }
              for (String name : value.propertyNames()) {
                if (!check.test(StringNode.valueOf(name))) {
                  return false;
                }
              }
              return true;
            });
      }
    }

    private void addArrayChecks(JsonNode schema, List<Predicate<JsonNode>> checks) {
      JsonNode items = schema.get("items");
      if (items != null) {
        Predicate<JsonNode> check = compile(items);
        checks.add(
            value -> {
              if (!value.isArray()) {
                return true;
              }
              for (JsonNode item : value) {
                if (!check.test(item)) {
                  return false;
                }
              }
              return true;
            });
      }
      int min = intKeyword(schema, "minItems", 0);
      int max = intKeyword(schema, "maxItems", Integer.MAX_VALUE);
      if (min > 0 || max < Integer.MAX_VALUE) {
        checks.add(value -> !value.isArray() || (value.size() >= min && value.size() <= max));
      }
      JsonNode unique = schema.get("uniqueItems");
      if (unique != null && unique.asBoolean(false)) {
        checks.add(CompiledSchema::uniqueStrings);
      }
    }

    private void addStringChecks(JsonNode schema, List<Predicate<JsonNode>> checks) {
      int min = intKeyword(schema, "minLength", 0);
      int max = intKeyword(schema, "maxLength", Integer.MAX_VALUE);
      if (min > 0 || max < Integer.MAX_VALUE) {
        checks.add(value -> !value.isString() || lengthWithin(value.asString(), min, max));
      }
      JsonNode pattern = schema.get("pattern");
      if (pattern != null) {
        Predicate<String> matches = PatternCheck.of(pattern.asString());
        checks.add(value -> !value.isString() || matches.test(value.asString()));
      }
      JsonNode format = schema.get("format");
      if (format != null) {
        Predicate<String> check = Formats.named(format.asString());
        if (check == null) {
          throw new Unsupported("format " + format.asString());
        }
        checks.add(value -> !value.isString() || check.test(value.asString()));
      }
    }

    private void addNumberChecks(JsonNode schema, List<Predicate<JsonNode>> checks) {
      bound(schema, "minimum", 1, true, checks);
      bound(schema, "maximum", -1, true, checks);
      bound(schema, "exclusiveMinimum", 1, false, checks);
      bound(schema, "exclusiveMaximum", -1, false, checks);
    }

    /**
     * {@code sign} 1 for a lower bound, -1 for an upper; the value's comparison to the bound must
     * have that sign (or be 0 when inclusive).
     */
    private static void bound(
        JsonNode schema,
        String keyword,
        int sign,
        boolean inclusive,
        List<Predicate<JsonNode>> checks) {
      JsonNode node = schema.get(keyword);
      if (node == null) {
        return;
      }
      if (!node.isNumber()) {
        throw new Unsupported(keyword + " is not a number");
      }
      BigDecimal bound = node.decimalValue();
      double approximate = bound.doubleValue();
      boolean exactAsDouble = new BigDecimal(approximate).compareTo(bound) == 0;
      checks.add(
          value -> {
            if (!value.isNumber()) {
              return true;
            }
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
              return false; // not something to be certain about
            }
            int comparison =
                exactAsDouble && (value.isDouble() || value.isFloat())
                    ? Double.compare(value.doubleValue(), approximate)
                    : compare(value, bound);
            return comparison * sign > 0 || (inclusive && comparison == 0);
          });
    }

    private static int intKeyword(JsonNode schema, String keyword, int absent) {
      JsonNode node = schema.get(keyword);
      if (node == null) {
        return absent;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
        throw new Unsupported(keyword + " " + node);
      }
      return node.intValue();
    }
  }

  /** Exact comparison of a JSON number with a bound; cheap for int and long values. */
  private static int compare(JsonNode value, BigDecimal bound) {
    if ((value.isInt() || value.isLong())
        && bound.scale() <= 0
        && bound.compareTo(LONG_MIN) >= 0
        && bound.compareTo(LONG_MAX) <= 0) {
      return Long.compare(value.longValue(), bound.longValue());
    }
    return value.decimalValue().compareTo(bound);
  }

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Length in code points, as the specification counts, without counting when not needed. */
  private static boolean lengthWithin(String text, int min, int max) {
    int units = text.length();
    if (units <= max && units >= 2 * (long) min) {
      return true; // code points lie between units/2 and units
    }
    int codePoints = text.codePointCount(0, units);
    return codePoints >= min && codePoints <= max;
  }

  /** Unique items, decided here only for arrays of strings (no numeric equality to get wrong). */
  private static boolean uniqueStrings(JsonNode value) {
    if (!value.isArray()) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : value) {
      if (!item.isString() || !seen.add(item.asString())) {
        return false;
      }
    }
    return true;
  }
}
