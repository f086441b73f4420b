package com.salestalk.eventcontracts.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The networknt envelope and data schemas of a catalog, for one validation mode; loaded once and
 * cached.
 */
final class SchemaSet {

  static final String ENVELOPE_RESOURCE =
      "com/salestalk/eventcontracts/schemas/envelope.schema.json";

  /** Keyed by catalog identity (EventCatalog has no value equality) and mode. */
  private record Key(EventCatalog catalog, ValidationMode mode) {}

  private static final Map<Key, SchemaSet> CACHE = new ConcurrentHashMap<>();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .pathType(PathType.JSON_POINTER)
                      .build()));

  private final Schema envelope;
  private final Map<EventType, Map<Revision, Schema>> dataSchemas = new HashMap<>();

  private SchemaSet(EventCatalog catalog, ValidationMode mode) {
    this.envelope = load(ENVELOPE_RESOURCE, mode);
    for (CatalogEntry entry : catalog.entries()) {
      for (Revision revision : entry.revisions()) {
        dataSchemas
            .computeIfAbsent(entry.type(), type -> new HashMap<>())
            .put(revision, load(EventCatalog.schemaResource(entry.type(), revision), mode));
      }
    }
  }

  static SchemaSet of(EventCatalog catalog, ValidationMode mode) {
    return CACHE.computeIfAbsent(new Key(catalog, mode), k -> new SchemaSet(catalog, mode));
  }

  Schema envelope() {
    return envelope;
  }

  /** The data schema of a released revision, or {@code null}. */
  Schema data(EventType eventType, Revision revision) {
    return dataSchemas.getOrDefault(eventType, Map.of()).get(revision);
  }

  private static Schema load(String resource, ValidationMode mode) {
    JsonNode node =
        EnvelopeJson.readResource(resource)
            .orElseThrow(() -> new IllegalStateException("missing schema resource " + resource));
    if (mode == ValidationMode.TOLERANT) {
      openUp(node);
    }
    return REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource), node);
  }

  /**
   * Tolerant reader: drops every {@code additionalProperties: false} so unknown optional fields
   * pass.
   */
  private static void openUp(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode additional = object.get("additionalProperties");
      if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
        object.remove("additionalProperties");
      }
      object.values().forEach(SchemaSet::openUp);
    } else if (node.isArray()) {
      node.values().forEach(SchemaSet::openUp);
    }
  }
}
