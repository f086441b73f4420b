package com.salestalk.eventcontracts.versioning;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's versioning strategy and version support policy, checked over the whole catalog:
 *
 * <ul>
 *   <li>every released revision's schema file is kept, unchanged (its fingerprint matches the
 *       release record);
 *   <li>each revision {@code N.M} is a backward-compatible change of {@code N.(M-1)} ({@link
 *       SchemaCompatibility});
 *   <li>every revision in the catalog is in the release record;
 *   <li>a previous major version stays supported at least {@value #SUPPORT_MONTHS} months after its
 *       successor's release, with at least {@value #NOTICE_MONTHS} months between deprecation
 *       notice and sunset;
 *   <li>a type leaves the catalog only after its sunset date.
 * </ul>
 *
 * <p>The test suite runs it over the shipped catalog, so a breaking change fails the build.
 */
public final class VersioningPolicy {

  /** Months a previous version stays supported after its successor is released. */
  public static final int SUPPORT_MONTHS = 6;

  /** Months of notice between deprecation and removal. */
  public static final int NOTICE_MONTHS = 3;

  private final EventCatalog catalog;
  private final SchemaStore schemas;
  private final ReleasedSchemas released;

  /**
   * @param catalog the catalog to check
   * @param schemas where the schema files are read
   * @param released the release record
   */
  public VersioningPolicy(EventCatalog catalog, SchemaStore schemas, ReleasedSchemas released) {
    this.catalog = catalog;
    this.schemas = schemas;
    this.released = released;
  }

  /** The shipped catalog, schemas and release record. */
  public static VersioningPolicy shipped() {
    return new VersioningPolicy(
        EventCatalog.standard(), SchemaStore.classpath(), ReleasedSchemas.classpath());
  }

  /** Every breach of the policy as of {@code today}; empty when the catalog complies. */
  public List<String> check(LocalDate today) {
    List<String> problems = new ArrayList<>();
    for (CatalogEntry entry : catalog.entries()) {
      checkRevisions(entry, problems);
      checkSupport(entry, problems);
    }
    checkRemovals(today, problems);
    return problems;
  }

  private void checkRevisions(CatalogEntry entry, List<String> problems) {
    EventType type = entry.type();
    ReleasedSchemas.ReleasedType record = released.types().get(type.toString());
    Revision previous = null;
    String previousText = null;
    for (Revision revision : entry.revisions()) {
      Optional<String> text = schemas.read(type, revision);
      if (text.isEmpty()) {
        problems.add(
            type + " " + revision + ": schema file is missing; released revisions must be kept");
        previous = null;
        continue;
      }
      String fingerprint = ReleasedSchemas.fingerprint(text.get());
      String recorded = record == null ? null : record.revisions().get(revision.toString());
      if (recorded == null) {
        problems.add(
            type
                + " "
                + revision
                + ": not in the release record; add \""
                + revision
                + "\": \""
                + fingerprint
                + "\" to "
                + ReleasedSchemas.RESOURCE);
      } else if (!recorded.equals(fingerprint)) {
        problems.add(
            type
                + " "
                + revision
                + ": schema was changed in place after release; put a backward-compatible change in revision "
                + entry.revision().nextMinor()
                + " and a breaking one in "
                + type.successor());
      }
      if (previous != null) {
        SchemaCompatibility.Report report =
            SchemaCompatibility.compare(
                EnvelopeJson.mapper().readTree(previousText),
                EnvelopeJson.mapper().readTree(text.get()));
        for (String change : report.breaking()) {
          problems.add(
              type
                  + " "
                  + previous
                  + " -> "
                  + revision
                  + ": breaking change "
                  + change
                  + "; it needs "
                  + type.successor());
        }
        if (report.unchanged()) {
          problems.add(
              type
                  + " "
                  + revision
                  + ": identical to "
                  + previous
                  + "; a revision must change the schema");
        }
      }
      previous = revision;
      previousText = text.get();
    }
  }

  private void checkSupport(CatalogEntry entry, List<String> problems) {
    Optional<CatalogEntry> successor = catalog.find(entry.type().successor().toString());
    if (successor.isPresent()) {
      LocalDate successorRelease = successor.get().releasedOn();
      if (entry.deprecatedOn() == null || entry.sunsetOn() == null) {
        problems.add(
            entry.type()
                + ": "
                + successor.get().type()
                + " is released, so "
                + entry.type()
                + " needs deprecatedOn and sunsetOn");
        return;
      }
      LocalDate earliestSunset = successorRelease.plusMonths(SUPPORT_MONTHS);
      if (entry.sunsetOn().isBefore(earliestSunset)) {
        problems.add(
            entry.type()
                + ": must stay supported until at least "
                + earliestSunset
                + " ("
                + SUPPORT_MONTHS
                + " months after "
                + successor.get().type()
                + " was released on "
                + successorRelease
                + "), but sunsetOn is "
                + entry.sunsetOn());
      }
    }
    if (entry.sunsetOn() != null) {
      if (entry.deprecatedOn() == null) {
        problems.add(entry.type() + ": has a sunsetOn date but no deprecatedOn notice");
      } else if (entry.sunsetOn().isBefore(entry.deprecatedOn().plusMonths(NOTICE_MONTHS))) {
        problems.add(
            entry.type()
                + ": deprecation notice on "
                + entry.deprecatedOn()
                + " gives less than "
                + NOTICE_MONTHS
                + " months before sunset on "
                + entry.sunsetOn());
      }
    }
  }

  private void checkRemovals(LocalDate today, List<String> problems) {
    for (Map.Entry<String, ReleasedSchemas.ReleasedType> type : released.types().entrySet()) {
      if (catalog.find(type.getKey()).isPresent()) {
        continue;
      }
      LocalDate sunset = type.getValue().sunsetOn();
      if (sunset == null || today.isBefore(sunset)) {
        problems.add(
            type.getKey()
                + ": removed from the catalog before its sunset"
                + (sunset == null ? " (it has no sunset date)" : " on " + sunset));
      }
    }
  }
}
