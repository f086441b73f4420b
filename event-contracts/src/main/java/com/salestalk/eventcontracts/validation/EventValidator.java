package com.salestalk.eventcontracts.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.InvalidEventTypeException;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.catalog.SupportStatus;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.envelope.EventEnvelope;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks events against their contract and returns every violation as (JSON pointer, message): size
 * ≤ 256 KB, bounded parsing, the envelope schema, a known and supported event type, {@code
 * eventVersion} matching the type's major version and a released revision, and the type's data
 * schema.
 *
 * <p>{@code source} must be the catalog's producer of the type. {@value #TEST_HARNESS} (a source of
 * the catalog, for test tools) is accepted for any type only by a validator in test mode ({@link
 * #forTests()}, {@link #acceptingTestHarness()}); production code never builds one, so no service
 * can publish or consume under that name.
 *
 * <p>networknt's JSON Schema validator gives every schema verdict and message. Thread-safe; schemas
 * are loaded once per catalog and mode.
 */
public final class EventValidator {

  /** The source of test tools; only a validator in test mode accepts it, for any type. */
  public static final String TEST_HARNESS = "test-harness";

  private final EventCatalog catalog;
  private final Clock clock;
  private final ValidationMode mode;
  private final boolean testMode;
  private final SchemaSet schemas;

  /**
   * A validator that accepts only each type's catalog producer as {@code source}.
   *
   * @param catalog the event types to accept
   * @param clock gives "today" for sunset dates
   * @param mode strict for producers, tolerant for consumers
   */
  public EventValidator(EventCatalog catalog, Clock clock, ValidationMode mode) {
    this(catalog, clock, mode, false);
  }

  private EventValidator(EventCatalog catalog, Clock clock, ValidationMode mode, boolean testMode) {
    this.catalog = catalog;
    this.clock = clock;
    this.mode = mode;
    this.testMode = testMode;
    this.schemas = SchemaSet.of(catalog, mode);
  }

  /** A strict validator over the standard catalog and the system clock. */
  public static EventValidator strict() {
    return new EventValidator(EventCatalog.standard(), Clock.systemUTC(), ValidationMode.STRICT);
  }

  /**
   * A strict validator in test mode: as {@link #strict()}, and {@value #TEST_HARNESS} may be the
   * source of any type. For test tools only.
   */
  public static EventValidator forTests() {
    return strict().acceptingTestHarness();
  }

  /** This validator in test mode: {@value #TEST_HARNESS} may also be the source of any type. */
  public EventValidator acceptingTestHarness() {
    return new EventValidator(catalog, clock, mode, true);
  }

  /** A tolerant validator over the standard catalog and the system clock. */
  public static EventValidator tolerant() {
    return new EventValidator(EventCatalog.standard(), Clock.systemUTC(), ValidationMode.TOLERANT);
  }

  /** Validates event JSON text. */
  public ValidationResult validate(String json) {
    return validate(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Validates event JSON bytes (UTF-8). */
  public ValidationResult validate(byte[] json) {
    if (json.length > EnvelopeJson.MAX_EVENT_BYTES) {
      return new ValidationResult(List.of(tooLarge(json.length)), null);
    }
    if (!isUtf8(json)) {
      return new ValidationResult(
          List.of(new Violation("", "not valid JSON: an event must be UTF-8 encoded")), null);
    }
    JsonNode tree;
    try {
      tree = EnvelopeJson.mapper().readTree(json);
    } catch (JacksonException e) {
      return new ValidationResult(List.of(new Violation("", parseFailure(e))), null);
    }
    if (tree == null || tree.isMissingNode()) {
      return new ValidationResult(List.of(new Violation("", "not valid JSON: no content")), null);
    }
    return new ValidationResult(validateTree(tree), tree);
  }

  /**
   * Validates an envelope built in this process and returns its JSON.
   *
   * @throws InvalidEventException with every violation when it breaks the contract
   */
  public String requireValid(EventEnvelope envelope) {
    ObjectNode tree = WITHOUT_DATA.valueToTree(envelope);
    if (envelope.data() != null) {
      tree.set("data", envelope.data()); // shared, not copied: it is only read and written
    }
    List<Violation> violations = validateTree(tree);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(violations);
    }
    String json = EnvelopeJson.mapper().writeValueAsString(tree);
    int size = json.getBytes(StandardCharsets.UTF_8).length;
    if (size > EnvelopeJson.MAX_EVENT_BYTES) {
      throw new InvalidEventException(List.of(tooLarge(size)));
    }
    return json;
  }

  /** Writes an envelope without its data, which {@link #requireValid} adds as it is. */
  private abstract static class WithoutData {
    @JsonIgnore
    abstract ObjectNode data();
  }

  private static final JsonMapper WITHOUT_DATA =
      EnvelopeJson.mapper().rebuild().addMixIn(EventEnvelope.class, WithoutData.class).build();

  /** Validates a parsed event; the caller is responsible for having parsed it with bounds. */
  public List<Violation> validateTree(JsonNode tree) {
    if (!tree.isObject()) {
      return List.of(new Violation("", "an event must be a JSON object, got " + kind(tree)));
    }
    List<Violation> violations = new ArrayList<>();
    numbersOutsideLongRange(tree, new ArrayDeque<>(), violations);
    if (!violations.isEmpty()) {
      return violations; // networknt (on Jackson 3) throws on such numbers instead of reporting
    }
    violations.addAll(violations(schemas.envelope(), tree, ""));

    Optional<CatalogEntry> entry = eventType(tree, violations);
    entry.ifPresent(known -> producer(tree, known, violations));
    Optional<Revision> revision = revision(tree, entry, violations);
    JsonNode data = tree.get("data");
    if (entry.isPresent() && revision.isPresent() && data != null && data.isObject()) {
      violations.addAll(violations(dataSchemaFor(entry.get(), revision.get()), data, "/data"));
    }
    return violations;
  }

  private Optional<CatalogEntry> eventType(JsonNode tree, List<Violation> violations) {
    JsonNode node = tree.get("eventType");
    if (node == null || !node.isString()) {
      return Optional.empty();
    }
    Optional<CatalogEntry> entry = catalog.find(node.asString());
    if (entry.isEmpty()) {
      EventType type;
      try {
        type = EventType.parse(node.asString());
      } catch (InvalidEventTypeException e) {
        violations.add(new Violation("/eventType", e.getMessage()));
        return Optional.empty();
      }
      violations.add(
          new Violation(
              "/eventType", "unknown event type '" + type + "': it is not in the catalog"));
      return Optional.empty();
    }
    EventType type = entry.get().type();
    if (entry.get().statusOn(LocalDate.now(clock)) == SupportStatus.SUNSET) {
      violations.add(
          new Violation(
              "/eventType",
              "event type '"
                  + type
                  + "' was sunset on "
                  + entry.get().sunsetOn()
                  + " and is no longer accepted"));
      return Optional.empty();
    }
    return entry;
  }

  /**
   * Only the catalog's producer of a type may emit it, so a service cannot speak for another; in
   * test mode the test harness may emit any type.
   */
  private void producer(JsonNode tree, CatalogEntry entry, List<Violation> violations) {
    JsonNode node = tree.get("source");
    if (node == null || !node.isString()) {
      return; // the schema reports a missing or malformed source
    }
    String source = node.asString();
    if (!catalog.sources().contains(source) // an unknown source is the schema's to report
        || source.equals(entry.producer())
        || (testMode && source.equals(TEST_HARNESS))) {
      return;
    }
    String message =
        entry.type() + " is produced by " + entry.producer() + ", not by '" + source + "'";
    if (source.equals(TEST_HARNESS)) {
      message += " (" + TEST_HARNESS + " is accepted only in test mode)";
    }
    violations.add(new Violation("/source", message));
  }

  private Optional<Revision> revision(
      JsonNode tree, Optional<CatalogEntry> entry, List<Violation> violations) {
    JsonNode node = tree.get("eventVersion");
    if (entry.isEmpty() || node == null || !node.isString()) {
      return Optional.empty();
    }
    Revision declared;
    try {
      declared = Revision.parse(node.asString());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the envelope schema already reports the malformed version
    }
    CatalogEntry known = entry.get();
    if (declared.major() != known.type().major()) {
      violations.add(
          new Violation(
              "/eventVersion",
              "major version "
                  + declared.major()
                  + " does not match event type "
                  + known.type()
                  + " (expected "
                  + known.type().major()
                  + ".M)"));
      return Optional.empty();
    }
    if (declared.compareTo(known.revision()) > 0) {
      if (mode == ValidationMode.STRICT) {
        violations.add(
            new Violation(
                "/eventVersion",
                "revision "
                    + declared
                    + " is not released; the newest revision of "
                    + known.type()
                    + " is "
                    + known.revision()));
        return Optional.empty();
      }
      return Optional.of(
          known.revision()); // tolerant reader: a newer minor only adds optional fields
    }
    return Optional.of(declared);
  }

  private Schema dataSchemaFor(CatalogEntry entry, Revision revision) {
    Schema schema = schemas.data(entry.type(), revision);
    if (schema == null) {
      throw new IllegalStateException("no schema for " + entry.type() + " " + revision);
    }
    return schema;
  }

  /** Every violation networknt finds, with pointers under {@code prefix}. */
  private static List<Violation> violations(Schema schema, JsonNode instance, String prefix) {
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      violations.add(new Violation(prefix + error.getInstanceLocation(), error.getMessage()));
    }
    return violations;
  }

  /**
   * Every number outside the signed 64-bit range: no contract field needs more, consumers bind
   * numbers to {@code long} or {@code double}, and networknt cannot compare bigger ones with a
   * bound.
   */
  private static void numbersOutsideLongRange(
      JsonNode node, Deque<String> path, List<Violation> out) {
    if (node.isNumber() && !fitsLong(node)) {
      out.add(
          new Violation(
              pointer(path),
              "number " + node + " is outside the signed 64-bit range contract numbers must fit"));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        path.addLast(property.getKey());
        numbersOutsideLongRange(property.getValue(), path, out);
        path.removeLast();
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.addLast(Integer.toString(i));
        numbersOutsideLongRange(node.get(i), path, out);
        path.removeLast();
      }
    }
  }

  /** The JSON pointer of a path, built only for a violation (building one per node is slow). */
  private static String pointer(Deque<String> path) {
    JsonPointer pointer = JsonPointer.empty();
    for (String step : path) {
      pointer = pointer.appendProperty(step);
    }
    return pointer.toString();
  }

  private static boolean fitsLong(JsonNode number) {
    if (number.isInt() || number.isLong() || number.isShort()) {
      return true;
    }
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue(); // NaN fails both comparisons
      return value >= -0x1p63 && value < 0x1p63;
    }
    BigDecimal value = number.decimalValue();
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
  }

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The violation of an event of {@code size} bytes over the 256 KB limit. */
  public static Violation tooLarge(long size) {
    return new Violation(
        "",
        "event is "
            + size
            + " bytes; the limit is "
            + EnvelopeJson.MAX_EVENT_BYTES
            + " bytes (256 KB)");
  }

  /**
   * What is wrong with JSON that {@link EnvelopeJson#mapper()} could not parse, in the words every
   * entry point uses: a parsing limit by name, or "not valid JSON: " with Jackson's reason and
   * where it lies.
   */
  public static String parseFailure(JacksonException e) {
    if (e instanceof StreamConstraintsException limit) {
      return constraintMessage(limit);
    }
    return "not valid JSON: " + describe(e);
  }

  private static String constraintMessage(StreamConstraintsException e) {
    String text = String.valueOf(e.getOriginalMessage());
    if (text.contains("nesting depth")) {
      return "JSON nests deeper than " + EnvelopeJson.MAX_NESTING_DEPTH + " levels";
    }
    if (text.contains("Number value length")) {
      return "a number is longer than " + EnvelopeJson.MAX_NUMBER_LENGTH + " characters";
    }
    if (text.contains("String value length")) {
      return "a string is longer than " + EnvelopeJson.MAX_EVENT_BYTES + " characters";
    }
    return "JSON exceeds a parsing limit: " + text;
  }

  /** Jackson's message without its source excerpt, plus where the problem is. */
  private static String describe(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int marker = message.indexOf(" (start marker");
    if (marker >= 0) {
      message = message.substring(0, marker);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return message;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Whether the bytes are well-formed UTF-8, the only encoding events may use. */
  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
