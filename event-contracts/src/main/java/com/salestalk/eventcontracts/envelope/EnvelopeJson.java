package com.salestalk.eventcontracts.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for envelopes. Parsing is bounded so hostile input (deep nesting, huge numbers or
 * strings) fails fast with a {@code StreamConstraintsException} instead of exhausting the stack or
 * memory.
 */
public final class EnvelopeJson {

  /** Deepest nesting accepted in an event; the catalog's schemas need fewer than 8 levels. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Longest number literal accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** Largest serialized event EventBridge accepts: 256 KB. */
  public static final int MAX_EVENT_BYTES = 256 * 1024;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .maxStringLength(MAX_EVENT_BYTES)
                          .maxNameLength(1024)
                          .build())
                  .build())
          .build();

  private EnvelopeJson() {}

  /** The bounded mapper shared by everything that reads or writes envelopes. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Serializes an envelope. */
  public static byte[] toBytes(EventEnvelope envelope) {
    return MAPPER.writeValueAsBytes(envelope);
  }

  /** Serializes an envelope. */
  public static String toJson(EventEnvelope envelope) {
    return MAPPER.writeValueAsString(envelope);
  }

  /**
   * Reads a JSON resource of this library from the classpath with the bounded mapper, if it exists.
   */
  public static Optional<JsonNode> readResource(String resource) {
    try (InputStream in = EnvelopeJson.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binds a tree that has already been validated. */
  public static EventEnvelope fromTree(JsonNode tree) {
    return MAPPER.treeToValue(tree, EventEnvelope.class);
  }
}
