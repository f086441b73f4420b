package com.salestalk.eventcontracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonValue;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.samples.EventSamples;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Keeps every payload record and its type's JSON Schema (current revision) from drifting: the same
 * property names, the same required-ness, the same JSON types and the same enum values, recursively
 * through nested records, lists and maps.
 */
class EventPayloadAgreementTest {

  static Stream<EventType> catalogTypes() {
    return EventCatalog.standard().entries().stream().map(CatalogEntry::type);
  }

  @Test
  void everyCatalogTypeHasExactlyOneRecordAndEveryRecordACatalogType() {
    List<EventType> catalog = catalogTypes().toList();

    assertThat(EventPayloads.all().values()).containsExactlyInAnyOrderElementsOf(catalog);
    assertThat(EventPayload.class.getPermittedSubclasses()).hasSameSizeAs(catalog);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogTypes")
  void recordAndSchemaAgree(EventType type) {
    CatalogEntry entry = EventCatalog.standard().require(type);
    JsonNode schema =
        EnvelopeJson.readResource(EventCatalog.schemaResource(type, entry.revision()))
            .orElseThrow();
    Class<? extends EventPayload> record = EventPayloads.classOf(type);
    // the sample sets every optional property, so each nested record has an instance to probe
    EventPayload sample = EventSamples.payload(type);

    new Agreement(schema).object(record, sample, schema, type.toString());
  }

  /** Compares a record type with a schema, collecting every disagreement as one failure. */
  private record Agreement(JsonNode root) {

    void object(Class<?> record, Object instance, JsonNode schema, String path) {
      schema = resolve(schema);
      assertThat(schema.path("type").asString()).as(path + " type").isEqualTo("object");
      assertThat(record.isRecord()).as(path + " is a record").isTrue();
      RecordComponent[] components = record.getRecordComponents();
      assertThat(names(components))
          .as(path + " property names")
          .containsExactlyInAnyOrderElementsOf(propertyNames(schema.path("properties")));
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(name -> required.add(name.asString()));
      for (RecordComponent component : components) {
        String name = component.getName();
        String at = path + "." + name;
        assertThat(refusesNull(record, instance, component))
            .as(at + " is required by the schema exactly when the record refuses it missing")
            .isEqualTo(required.contains(name));
        Object value = read(component, instance);
        assertThat(value).as(at + " set in the sample").isNotNull();
        value(component.getGenericType(), value, schema.path("properties").path(name), at);
      }
    }

    void value(Type javaType, Object value, JsonNode schema, String path) {
      schema = resolve(schema);
      Class<?> raw = raw(javaType);
      if (raw.isEnum()) {
        assertThat(schema.has("type") ? schema.path("type").asString() : "string")
            .as(path + " type")
            .isEqualTo("string");
        assertThat(wireValues(raw)).as(path + " enum").isEqualTo(strings(schema.path("enum")));
      } else if (raw == List.class) {
        assertThat(schema.path("type").asString()).as(path + " type").isEqualTo("array");
        value(typeArgument(javaType, 0), ((List<?>) value).get(0), schema.path("items"), path);
      } else if (raw == Map.class) {
        assertThat(schema.path("type").asString()).as(path + " type").isEqualTo("object");
        Class<?> key = raw(typeArgument(javaType, 0));
        if (key.isEnum()) {
          assertThat(wireValues(key))
              .as(path + " keys")
              .isEqualTo(strings(resolve(schema.path("propertyNames")).path("enum")));
        } else {
          assertThat(key).as(path + " keys").isEqualTo(String.class);
          assertThat(schema.has("propertyNames")).as(path + " keys unconstrained").isFalse();
        }
        Object anyValue = ((Map<?, ?>) value).values().iterator().next();
        value(typeArgument(javaType, 1), anyValue, schema.path("additionalProperties"), path);
      } else if (raw.isRecord() && !isPlainString(raw)) {
        object(raw, value, schema, path);
      } else {
        assertThat(schema.path("type").asString()).as(path + " type").isEqualTo(jsonType(raw));
        assertThat(raw == LocalDate.class)
            .as(path + " is a LocalDate exactly when its format is date")
            .isEqualTo(schema.path("format").asString("").equals("date"));
      }
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/intent}. */
    private JsonNode resolve(JsonNode schema) {
      JsonNode ref = schema.get("$ref");
      return ref == null ? schema : root.at(ref.asString().substring(1));
    }
  }

  /** The JSON type a scalar Java type serializes as. */
  private static String jsonType(Class<?> raw) {
    if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class) {
      return "integer";
    }
    if (raw == double.class || raw == BigDecimal.class) {
      return "number";
    }
    if (raw == boolean.class) {
      return "boolean";
    }
    if (raw == String.class || raw == LocalDate.class || isPlainString(raw)) {
      return "string";
    }
    return fail("no JSON type for " + raw);
  }

  /** A typed id: a record whose JSON form is its one String component. */
  private static boolean isPlainString(Class<?> raw) {
    RecordComponent[] components = raw.getRecordComponents();
    return components != null
        && components.length == 1
        && components[0].getType() == String.class
        && components[0].getAccessor().isAnnotationPresent(JsonValue.class);
  }

  /** Whether the canonical constructor refuses null for the component, naming it. */
  private static boolean refusesNull(Class<?> record, Object instance, RecordComponent missing) {
    if (missing.getType().isPrimitive()) {
      return true; // a primitive cannot be missing from the record; binding refuses it absent
    }
    RecordComponent[] components = record.getRecordComponents();
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] =
          components[i].getName().equals(missing.getName()) ? null : read(components[i], instance);
    }
    try {
      Constructor<?> canonical =
          record.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.newInstance(arguments);
      return false;
    } catch (InvocationTargetException e) {
      assertThat(e.getCause())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(missing.getName() + " is required");
      return true;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object read(RecordComponent component, Object instance) {
    try {
      return component.getAccessor().invoke(instance);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> wireValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> EnvelopeJson.mapper().valueToTree(constant).asString())
        .toList();
  }

  private static List<String> names(RecordComponent[] components) {
    return Arrays.stream(components).map(RecordComponent::getName).toList();
  }

  private static List<String> propertyNames(JsonNode properties) {
    return new ArrayList<>(properties.propertyNames());
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as("an enum list in the schema").isTrue();
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized
        ? (Class<?>) parameterized.getRawType()
        : (Class<?>) type;
  }

  private static Type typeArgument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
