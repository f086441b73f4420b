package com.salestalk.eventcontracts.events;

import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NumericNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ValueNode;

/**
 * Maps between {@link EventPayload} records, their catalog types and their JSON {@code data}.
 *
 * <p>Reading is tolerant: properties the record does not know (an optional field added by a newer
 * revision) are ignored.
 */
public final class EventPayloads {

  private static final JsonMapper MAPPER =
      EnvelopeJson.mapper()
          .rebuild()
          .nodeFactory(new ParsedNumbers())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private static final Map<Class<? extends EventPayload>, EventType> TYPES = types();
  private static final Map<EventType, Class<? extends EventPayload>> CLASSES = classes();

  private EventPayloads() {}

  /** Every payload record, in the order {@link EventPayload} permits them, with its type. */
  public static Map<Class<? extends EventPayload>, EventType> all() {
    return TYPES;
  }

  /** The event type whose data {@code type} is. */
  public static EventType typeOf(Class<? extends EventPayload> type) {
    EventType eventType = TYPES.get(type);
    if (eventType == null) {
      throw new IllegalArgumentException(type.getName() + " is no event payload record");
    }
    return eventType;
  }

  /**
   * The record of an event type's data.
   *
   * @throws IllegalArgumentException if no record has that type
   */
  public static Class<? extends EventPayload> classOf(EventType type) {
    Class<? extends EventPayload> payload = CLASSES.get(type);
    if (payload == null) {
      throw new IllegalArgumentException("no event payload record has type " + type);
    }
    return payload;
  }

  /**
   * The JSON {@code data} of a payload; optional properties that are null are left out. The tree is
   * the one a reader of the serialized event parses (a {@code long} 12 becomes an int node, as
   * parsing gives), so an envelope equals itself after a trip over the wire.
   */
  public static ObjectNode toData(EventPayload payload) {
    return MAPPER.valueToTree(payload);
  }

  /**
   * Binds {@code data} to a payload record, ignoring properties the record does not know.
   *
   * @throws IllegalArgumentException naming the type, the field (a JSON pointer) and the reason
   *     when the data does not bind
   */
  public static <T extends EventPayload> T fromData(JsonNode data, Class<T> type) {
    try {
      return MAPPER.treeToValue(data, type);
    } catch (JacksonException e) {
      List<String> path = path(e);
      JsonNode failed = data.at(pointer(path));
      String reason;
      if (!path.isEmpty() && (failed.isMissingNode() || failed.isNull())) {
        // a required number or boolean: named as the records name their required objects
        reason = path.remove(path.size() - 1) + " is required";
      } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
        reason =
            "'" + invalid.getValue() + "' is not one of " + wireValues(invalid.getTargetType());
      } else if (e.getCause() instanceof IllegalArgumentException refused) {
        reason = refused.getMessage(); // the record's constructor, e.g. "plan is required"
      } else {
        reason = firstLine(String.valueOf(e.getOriginalMessage()));
      }
      String where = path.isEmpty() ? "" : " at " + pointer(path);
      throw new IllegalArgumentException(
          typeOf(type) + " data does not bind to " + type.getSimpleName() + where + ": " + reason,
          e);
    }
  }

  /** The property names and indexes leading to where binding failed. */
  private static List<String> path(JacksonException e) {
    List<String> path = new ArrayList<>();
    for (JacksonException.Reference reference : e.getPath()) {
      path.add(
          reference.getPropertyName() != null
              ? reference.getPropertyName()
              : String.valueOf(reference.getIndex()));
    }
    return path;
  }

  private static String pointer(List<String> path) {
    return path.stream().map(step -> "/" + step).collect(Collectors.joining());
  }

  private static List<String> wireValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> MAPPER.valueToTree(constant).asString())
        .toList();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Number nodes as a parse of their JSON gives them, so data built from a record equals the data a
   * reader parses: an integer becomes the smallest of int, long and big integer that holds it, and
   * a {@code BigDecimal} with a fraction or an exponent (Jackson writes it with {@code toString()})
   * becomes a double.
   */
  private static final class ParsedNumbers extends JsonNodeFactory {

    @Override
    public NumericNode numberNode(long value) {
      return value == (int) value ? numberNode((int) value) : super.numberNode(value);
    }

    @Override
    public ValueNode numberNode(BigInteger value) {
      return value != null && value.bitLength() < 64
          ? numberNode(value.longValue())
          : super.numberNode(value);
    }

    @Override
    public ValueNode numberNode(BigDecimal value) {
      if (value == null) {
        return nullNode();
      }
      return value.scale() == 0
          ? numberNode(value.unscaledValue())
          : numberNode(value.doubleValue());
    }
  }

  private static Map<Class<? extends EventPayload>, EventType> types() {
    Map<Class<? extends EventPayload>, EventType> types = new LinkedHashMap<>();
    for (Class<?> permitted : EventPayload.class.getPermittedSubclasses()) {
      EventContract contract = permitted.getAnnotation(EventContract.class);
      if (contract == null) {
        throw new IllegalStateException(permitted.getName() + " lacks @EventContract");
      }
      types.put(permitted.asSubclass(EventPayload.class), EventType.parse(contract.value()));
    }
    return Collections.unmodifiableMap(types);
  }

  private static Map<EventType, Class<? extends EventPayload>> classes() {
    Map<EventType, Class<? extends EventPayload>> classes = new LinkedHashMap<>();
    TYPES.forEach(
        (payload, type) -> {
          if (classes.put(type, payload) != null) {
            throw new IllegalStateException("two payload records have type " + type);
          }
        });
    return Collections.unmodifiableMap(classes);
  }
}
