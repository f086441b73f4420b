package com.salestalk.eventcontracts.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single list of SalesTalk event types: who produces them, who consumes them, their current
 * schema revision and their support dates. Routing rules, schemas, docs and tests are derived from
 * or checked against it.
 *
 * <p>Loaded from {@code com/salestalk/eventcontracts/event-catalog.json}.
 */
public final class EventCatalog {

  /** Classpath location of the catalog file. */
  public static final String RESOURCE = "com/salestalk/eventcontracts/event-catalog.json";

  private static final EventCatalog DEFAULT = load();

  private final List<String> sources;
  private final List<String> consumers;
  private final Map<String, CatalogEntry> entries;

  EventCatalog(List<String> sources, List<String> consumers, List<CatalogEntry> entries) {
    this.sources = List.copyOf(sources);
    this.consumers = List.copyOf(consumers);
    Map<String, CatalogEntry> byType = new LinkedHashMap<>();
    for (CatalogEntry entry : entries) {
      if (byType.put(entry.type().toString(), entry) != null) {
        throw new IllegalStateException("catalog lists " + entry.type() + " twice");
      }
      if (!this.sources.contains(entry.producer())) {
        throw new IllegalStateException(entry.type() + ": unknown producer " + entry.producer());
      }
      for (String consumer : entry.consumers()) {
        if (!this.consumers.contains(consumer)) {
          throw new IllegalStateException(entry.type() + ": unknown consumer " + consumer);
        }
      }
    }
    this.entries = java.util.Collections.unmodifiableMap(byType);
  }

  /** The catalog shipped with this library. */
  public static EventCatalog standard() {
    return DEFAULT;
  }

  /** Reads a catalog file. */
  public static EventCatalog read(InputStream in) {
    JsonNode root = JsonMapper.shared().readTree(in);
    List<CatalogEntry> entries = new ArrayList<>();
    for (JsonNode e : root.required("events")) {
      List<String> consumers = new ArrayList<>();
      e.required("consumers").forEach(c -> consumers.add(c.asString()));
      entries.add(
          new CatalogEntry(
              EventType.parse(e.required("type").asString()),
              e.required("description").asString(),
              e.required("producer").asString(),
              consumers,
              Revision.parse(e.required("revision").asString()),
              LocalDate.parse(e.required("releasedOn").asString()),
              date(e.get("deprecatedOn")),
              date(e.get("sunsetOn"))));
    }
    return new EventCatalog(
        strings(root.required("sources")), strings(root.required("consumers")), entries);
  }

  private static EventCatalog load() {
    try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing catalog resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate date(JsonNode node) {
    return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  /** Every entry, in catalog order. */
  public List<CatalogEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry of a type name, if the catalog has it. */
  public Optional<CatalogEntry> find(String eventType) {
    return Optional.ofNullable(entries.get(eventType));
  }

  /** The entry of a type. */
  public CatalogEntry require(EventType type) {
    CatalogEntry entry = entries.get(type.toString());
    if (entry == null) {
      throw new IllegalArgumentException("event type " + type + " is not in the catalog");
    }
    return entry;
  }

  /** The services allowed as {@code source}. */
  public List<String> sources() {
    return sources;
  }

  /** The consumer apps, each with its own queue. */
  public List<String> consumers() {
    return consumers;
  }

  /** The types routed to one consumer's queue. */
  public List<EventType> typesConsumedBy(String consumer) {
    return entries.values().stream()
        .filter(e -> e.consumers().contains(consumer))
        .map(CatalogEntry::type)
        .toList();
  }

  /** The types one service produces. */
  public List<EventType> typesProducedBy(String source) {
    return entries.values().stream()
        .filter(e -> e.producer().equals(source))
        .map(CatalogEntry::type)
        .toList();
  }

  /** Classpath location of the data schema of one revision of a type. */
  public static String schemaResource(EventType type, Revision revision) {
    return "com/salestalk/eventcontracts/schemas/" + type + "/" + revision + ".schema.json";
  }
}
