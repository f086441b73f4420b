package com.salestalk.eventaws.metrics;

import com.salestalk.eventcontracts.catalog.EventCatalog;

/**
 * Tag values for event types and sources, limited to the catalog's so a hostile message cannot
 * create a metric per invented value.
 *
 * @param catalog which event types and sources are known
 */
public record CatalogTags(EventCatalog catalog) {

  /** Tag value for an event type or source that is not in the catalog. */
  public static final String UNKNOWN = "unknown";

  /** The tag value for an event type: itself if the catalog has it, else {@value #UNKNOWN}. */
  public String eventType(String eventType) {
    return eventType != null && catalog.find(eventType).isPresent() ? eventType : UNKNOWN;
  }

  /** The tag value for a source: itself if the catalog has it, else {@value #UNKNOWN}. */
  public String source(String source) {
    return source != null && catalog.sources().contains(source) ? source : UNKNOWN;
  }
}
