package com.salestalk.eventcontracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled schemas may only say "valid" where networknt finds no error. Differential tests:
 * every catalog event and fixture, and thousands of mutations of them (removed fields, wrong types,
 * boundary lengths and numbers, hostile strings, format edge cases, unknown fields), go through
 * both; any instance the compiled form accepts but networknt rejects fails the test.
 */
class CompiledSchemaTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest
  @EnumSource(ValidationMode.class)
  void everyCatalogSchemaIsCompiled(ValidationMode mode) {
    SchemaSet schemas = SchemaSet.of(CATALOG, mode);

    assertThat(schemas.envelope().compiled()).as("envelope").isPresent();
    for (CatalogEntry entry : CATALOG.entries()) {
      for (Revision revision : entry.revisions()) {
        assertThat(schemas.data(entry.type(), revision).compiled())
            .as(entry.type() + " " + revision)
            .isPresent();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ValidationMode.class)
  void compiledSchemasAcceptEverySampleAndValidFixtureWithoutNetworknt(ValidationMode mode)
      throws IOException {
    SchemaSet schemas = SchemaSet.of(CATALOG, mode);
    List<JsonNode> events = new ArrayList<>(samples());
    events.addAll(fixtures("valid-"));
    assertThat(events).hasSizeGreaterThan(10);

    for (JsonNode event : events) {
      assertThat(schemas.envelope().compiled().orElseThrow().certainlyValid(event))
          .as("envelope of %s", event)
          .isTrue();
      assertThat(dataSchema(schemas, event).compiled().orElseThrow().certainlyValid(data(event)))
          .as("data of %s", event)
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ValidationMode.class)
  void compiledSchemasNeverAcceptWhatNetworkntRejects(ValidationMode mode) throws IOException {
    SchemaSet schemas = SchemaSet.of(CATALOG, mode);
    List<JsonNode> seeds = new ArrayList<>(samples());
    seeds.addAll(fixtures("valid-"));
    seeds.addAll(fixtures("invalid-"));
    Tally tally = new Tally();

    for (JsonNode seed : seeds) {
      forEachMutation(seed, variant -> compare(schemas, seed, variant, tally));
    }
    // and random chains of mutations, where one change can hide or expose another
    Random random = new Random(20261126);
    for (int i = 0; i < 3000; i++) {
      JsonNode seed = seeds.get(random.nextInt(seeds.size()));
      JsonNode variant = seed;
      for (int step = 0; step < 3; step++) {
        variant = randomMutation(variant, random);
      }
      compare(schemas, seed, variant, tally);
    }

    assertThat(tally.unsound)
        .as("accepted by the compiled schema, rejected by networknt")
        .isEmpty();
    // the mutations must exercise both verdicts, or this test proves nothing
    assertThat(tally.bothValid).isGreaterThan(1000);
    assertThat(tally.bothInvalid).isGreaterThan(10000);
  }

  @Test
  void schemaWithAnUncompiledKeywordIsLeftToNetworknt() {
    JsonNode schema =
        EnvelopeJson.mapper()
            .readTree(
                "{\"type\":\"object\",\"oneOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}");

    assertThat(CompiledSchema.compile(schema)).isEmpty();
  }

  @Test
  void onlyStringEnumsAndConstantsAreCompiled() {
    CompiledSchema constant = CompiledSchema.compile(json("{\"const\":\"b\"}")).orElseThrow();

    assertThat(constant.certainlyValid(NODES.stringNode("b"))).isTrue();
    assertThat(constant.certainlyValid(NODES.stringNode("c"))).isFalse();
    assertThat(CompiledSchema.compile(json("{\"const\":{\"a\":\"b\"}}"))).isEmpty();
    assertThat(CompiledSchema.compile(json("{\"const\":[\"b\"]}"))).isEmpty();
    assertThat(CompiledSchema.compile(json("{\"enum\":[\"b\",1]}"))).isEmpty();
  }

  @Test
  void recursiveDefinitionsCompileAndCheckEveryLevel() {
    JsonNode schema =
        EnvelopeJson.mapper()
            .readTree(
                "{\"$ref\":\"#/$defs/node\",\"$defs\":{\"node\":{\"type\":\"object\","
                    + "\"additionalProperties\":false,\"properties\":{"
                    + "\"name\":{\"type\":\"string\",\"maxLength\":3},"
                    + "\"child\":{\"$ref\":\"#/$defs/node\"}}}}}");
    CompiledSchema compiled = CompiledSchema.compile(schema).orElseThrow();

    assertThat(compiled.certainlyValid(json("{\"name\":\"a\",\"child\":{\"name\":\"b\"}}")))
        .isTrue();
    assertThat(compiled.certainlyValid(json("{\"name\":\"a\",\"child\":{\"name\":\"long\"}}")))
        .isFalse();
    assertThat(compiled.certainlyValid(json("{\"child\":{\"child\":{\"extra\":1}}}"))).isFalse();
  }

  @Test
  void stringLengthsCountCodePointsNotUtf16Units() {
    CompiledSchema compiled =
        CompiledSchema.compile(json("{\"type\":\"string\",\"minLength\":2,\"maxLength\":2}"))
            .orElseThrow();

    assertThat(compiled.certainlyValid(NODES.stringNode("\uD83D\uDE00\uD83D\uDE00"))).isTrue();
    assertThat(compiled.certainlyValid(NODES.stringNode("\uD83D\uDE00"))).isFalse();
    assertThat(compiled.certainlyValid(NODES.stringNode("abc"))).isFalse();
  }

  private static void compare(SchemaSet schemas, JsonNode seed, JsonNode variant, Tally tally) {
    if (!EventValidator.allNumbersFitLong(variant)) {
      return; // refused before any schema is consulted
    }
    check(schemas.envelope(), variant, tally);
    JsonNode data = variant.get("data");
    if (data != null) {
      check(dataSchema(schemas, seed), data, tally);
    }
  }

  private static void check(ContractSchema schema, JsonNode instance, Tally tally) {
    boolean fast = schema.compiled().orElseThrow().certainlyValid(instance);
    boolean valid = schema.authorityViolations(instance, "").isEmpty();
    if (fast && !valid) {
      if (tally.unsound.size() < 10) {
        String text = instance.toString();
        tally.unsound.add(
            (text.length() > 600 ? text.substring(0, 600) + "…" : text)
                + " → "
                + schema.authorityViolations(instance, ""));
      }
    } else if (fast) {
      tally.bothValid++;
    } else if (!valid) {
      tally.bothInvalid++;
    }
  }

  private static final class Tally {
    final List<String> unsound = new ArrayList<>();
    int bothValid;
    int bothInvalid;
  }

  private static ContractSchema dataSchema(SchemaSet schemas, JsonNode event) {
    CatalogEntry entry = CATALOG.find(event.get("eventType").asString()).orElseThrow();
    return schemas.data(entry.type(), entry.revision());
  }

  private static JsonNode data(JsonNode event) {
    return event.get("data");
  }

  private static List<JsonNode> samples() {
    return EventSamples.all().stream()
        .map(e -> EnvelopeJson.mapper().<JsonNode>valueToTree(e))
        .toList();
  }

  /** Fixtures whose event type is in the catalog and whose data is an object. */
  private static List<JsonNode> fixtures(String prefix) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/events"))) {
      for (Path file :
          walk.filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> p.toString().endsWith(".json"))
              .sorted()
              .toList()) {
        JsonNode event;
        try {
          event = EnvelopeJson.mapper().readTree(Files.readAllBytes(file));
        } catch (RuntimeException unparsable) {
          continue;
        }
        if (event.toString().length() > 4000) {
          continue; // its mutations would cost more time than they add cases
        }
        JsonNode type = event.path("eventType");
        if (type.isString() && CATALOG.find(type.asString()).isPresent()) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /** One random mutation: a node removed or replaced. */
  private static JsonNode randomMutation(JsonNode event, Random random) {
    List<JsonPointer> pointers = new ArrayList<>();
    collectPointers(event, JsonPointer.empty(), pointers);
    JsonPointer pointer = pointers.get(random.nextInt(pointers.size()));
    JsonNode copy = event.deepCopy();
    JsonNode parent = copy.at(pointer.head());
    List<JsonNode> values = replacements(copy.at(pointer));
    JsonNode value = values.get(random.nextInt(values.size()));
    if (parent instanceof ObjectNode object) {
      String name = pointer.last().getMatchingProperty();
      if (random.nextInt(10) == 0) {
        object.remove(name);
      } else {
        object.set(name, value);
      }
    } else {
      ((ArrayNode) parent).set(pointer.last().getMatchingIndex(), value);
    }
    return copy;
  }

  private static void collectPointers(JsonNode node, JsonPointer pointer, List<JsonPointer> out) {
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        JsonPointer child = pointer.appendProperty(name);
        out.add(child);
        collectPointers(node.get(name), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(pointer.appendIndex(i));
        collectPointers(node.get(i), pointer.appendIndex(i), out);
      }
    }
  }

  /** Every single-step mutation of every node of the event, one at a time. */
  private static void forEachMutation(JsonNode event, Consumer<JsonNode> action) {
    mutate(event, event, JsonPointer.empty(), action);
  }

  private static void mutate(
      JsonNode root, JsonNode node, JsonPointer pointer, Consumer<JsonNode> out) {
    if (node.isObject()) {
      JsonNode added = root.deepCopy();
      ((ObjectNode) added.at(pointer)).put("unexpectedField", "x");
      out.accept(added);
      for (String name : List.copyOf(node.propertyNames())) {
        JsonPointer child = pointer.appendProperty(name);
        JsonNode removed = root.deepCopy();
        ((ObjectNode) removed.at(pointer)).remove(name);
        out.accept(removed);
        for (JsonNode replacement : replacements(node.get(name))) {
          JsonNode copy = root.deepCopy();
          ((ObjectNode) copy.at(pointer)).set(name, replacement);
          out.accept(copy);
        }
        mutate(root, node.get(name), child, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        for (JsonNode replacement : replacements(node.get(i))) {
          JsonNode copy = root.deepCopy();
          ((ArrayNode) copy.at(pointer)).set(i, replacement);
          out.accept(copy);
        }
        mutate(root, node.get(i), pointer.appendIndex(i), out);
      }
      if (!node.isEmpty()) {
        JsonNode duplicated = root.deepCopy();
        ((ArrayNode) duplicated.at(pointer)).add(node.get(0).deepCopy());
        out.accept(duplicated);
      }
      for (int size : new int[] {49, 50, 51}) {
        JsonNode grown = root.deepCopy();
        ArrayNode array = (ArrayNode) grown.at(pointer);
        array.removeAll();
        for (int i = 0; i < size; i++) {
          array.add("item-" + i);
        }
        out.accept(grown);
      }
    }
  }

  /** Values that sit on or just past the edges of what the contracts allow. */
  private static List<JsonNode> replacements(JsonNode original) {
    List<JsonNode> values = new ArrayList<>();
    values.add(NODES.nullNode());
    values.add(NODES.booleanNode(true));
    for (long n : new long[] {-1, 0, 1, 2, 5, 6, 100, Long.MAX_VALUE, Long.MIN_VALUE}) {
      values.add(NODES.numberNode(n));
    }
    for (double d : new double[] {-0.0, 0.5, 1.0, 1.0000001, 0.9999999, -0.0000001, 1e300}) {
      values.add(NODES.numberNode(d));
    }
    values.add(NODES.numberNode(new BigInteger("123456789012345678901234567890")));
    values.add(NODES.objectNode());
    values.add(NODES.arrayNode());
    values.add(NODES.arrayNode().add("a").add("a"));
    values.add(NODES.arrayNode().add("a").add(1));
    values.add(NODES.objectNode().put("name", "x").put("version", "1"));
    for (int length : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 128, 129, 256, 257, 2000, 2001}) {
      values.add(NODES.stringNode("a".repeat(length)));
      values.add(NODES.stringNode("\uD83D\uDE00".repeat(length)));
    }
    for (String text :
        List.of(
            " ",
            "\n",
            "tenant-acme\n",
            "tenant-",
            "tenant-_x",
            "user-x",
            "session-x",
            "chat-handler",
            "test-harness",
            "metrics-handler",
            "tenant-onboard",
            "<script>alert(1)</script>",
            "'; DROP TABLE tenants; --",
            "\u0000",
            "00000000-0000-0000-0000-000000000000",
            "6F2A5C1E-0000-4000-8000-00000000000A",
            "6f2a5c1e00004000800000000000000000000",
            "{6f2a5c1e-0000-4000-8000-000000000000}",
            "6f2a5c1e-0000-4000-8000-00000000000g",
            "6f2a5c1e-0000-4000-8000-000000000000\n",
            "2026-11-26T10:00:00Z",
            "2026-11-26T10:00:00.123456789Z",
            "2026-11-26T10:00:00.1234567890Z",
            "2026-11-26T10:00:00.Z",
            "2026-11-26t10:00:00z",
            "2026-11-26T10:00:00+01:00",
            "2026-11-26T23:59:60Z",
            "2016-12-31T23:59:60Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26 10:00:00Z",
            "2026-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "0000-01-01T00:00:00Z",
            "2026-11-26",
            "2026-02-29",
            "2024-02-29",
            "1900-02-29",
            "2000-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "0000-01-01",
            "1.0",
            "1.1",
            "2.0",
            "01.0",
            "classification.performed.v1",
            "classification.performed.v0",
            "metric_lookup",
            "unknown",
            "USD",
            "EUR",
            "usd")) {
      values.add(NODES.stringNode(text));
    }
    if (original.isString()) {
      String text = original.asString();
      values.add(NODES.stringNode(text + "\n"));
      values.add(NODES.stringNode(text.toUpperCase(Locale.ROOT)));
      values.add(NODES.stringNode(" " + text));
      values.add(NODES.stringNode(text + "x"));
      if (!text.isEmpty()) {
        values.add(NODES.stringNode(text.substring(1)));
      }
    }
    if (original.isNumber()) {
      values.add(NODES.numberNode(original.decimalValue().add(BigDecimal.ONE)));
      values.add(NODES.numberNode(original.decimalValue().negate()));
      values.add(NODES.numberNode(original.doubleValue()));
    }
    return values;
  }

  private static JsonNode json(String text) {
    return EnvelopeJson.mapper().readTree(text);
  }
}
