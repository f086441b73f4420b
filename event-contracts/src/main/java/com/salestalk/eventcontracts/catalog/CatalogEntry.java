package com.salestalk.eventcontracts.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One event type of the catalog.
 *
 * @param type the event type
 * @param description what the event means, one sentence
 * @param producer the service that emits it
 * @param consumers the consumer apps whose queues it is routed to
 * @param revision the current schema revision {@code N.M}
 * @param releasedOn when revision {@code N.0} was released
 * @param deprecatedOn when its deprecation was announced, or {@code null}
 * @param sunsetOn from this day on the type is no longer accepted, or {@code null}
 */
public record CatalogEntry(
    EventType type,
    String description,
    String producer,
    List<String> consumers,
    Revision revision,
    LocalDate releasedOn,
    LocalDate deprecatedOn,
    LocalDate sunsetOn) {

  /** Copies the consumer list and checks that the revision belongs to the type's major version. */
  public CatalogEntry {
    consumers = List.copyOf(consumers);
    if (revision.major() != type.major()) {
      throw new IllegalArgumentException(
          type + ": revision " + revision + " must have major version " + type.major());
    }
  }

  /** The support status of this type on a given day. */
  public SupportStatus statusOn(LocalDate day) {
    if (sunsetOn != null && !day.isBefore(sunsetOn)) {
      return SupportStatus.SUNSET;
    }
    if (deprecatedOn != null && !day.isBefore(deprecatedOn)) {
      return SupportStatus.DEPRECATED;
    }
    return SupportStatus.CURRENT;
  }

  /** Every released revision of this type's schema, from {@code N.0} to the current one. */
  public List<Revision> revisions() {
    return java.util.stream.IntStream.rangeClosed(0, revision.minor())
        .mapToObj(minor -> new Revision(revision.major(), minor))
        .toList();
  }
}
