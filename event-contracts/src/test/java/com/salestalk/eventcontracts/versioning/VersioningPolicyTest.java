package com.salestalk.eventcontracts.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersioningPolicyTest {

  private static final Path SHIPPED_SCHEMAS =
      Path.of("src/main/resources/com/salestalk/eventcontracts/schemas");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @TempDir Path schemas;

  /** The build gate: the shipped catalog, schemas and release record comply with the policy. */
  @Test
  void shippedContractsComplyWithTheVersioningPolicy() {
    assertThat(VersioningPolicy.shipped().check(TODAY)).isEmpty();
    assertThat(VersioningPolicy.shipped().check(LocalDate.now())).isEmpty();
  }

  @Test
  void aBreakingChangeMadeInPlaceFailsTheBuild() throws IOException {
    copyShippedSchemas();
    Path released = schemas.resolve("tenant.provisioned.v1/1.0.schema.json");
    Files.writeString(
        released,
        Files.readString(released)
            .replace("\"required\": [\"name\", \"plan\",", "\"required\": [\"name\","));

    assertThat(policy(EventCatalog.standard()).check(TODAY))
        .containsExactly(
            "tenant.provisioned.v1 1.0: schema was changed in place after release; put a backward-compatible change"
                + " in revision 1.1 and a breaking one in tenant.provisioned.v2");
  }

  @Test
  void aCompatibleNewRevisionPassesOnceRecorded() throws IOException {
    copyShippedSchemas();
    String v10 = Files.readString(schemas.resolve("tenant.provisioned.v1/1.0.schema.json"));
    String v11 =
        v10.replace(
            "\"trial\", \"standard\", \"enterprise\"",
            "\"trial\", \"standard\", \"enterprise\", \"partner\"");
    Files.writeString(schemas.resolve("tenant.provisioned.v1/1.1.schema.json"), v11);
    EventCatalog catalog = catalogWithTenantRevision("1.1");

    assertThat(policy(catalog).check(TODAY))
        .containsExactly(
            "tenant.provisioned.v1 1.1: not in the release record; add \"1.1\": \""
                + ReleasedSchemas.fingerprint(v11)
                + "\" to com/salestalk/eventcontracts/schemas/released.json");
  }

  @Test
  void aBreakingChangeInANewMinorRevisionNeedsANewMajorVersion() throws IOException {
    copyShippedSchemas();
    String v10 = Files.readString(schemas.resolve("tenant.provisioned.v1/1.0.schema.json"));
    Files.writeString(
        schemas.resolve("tenant.provisioned.v1/1.1.schema.json"),
        v10.replace(
            "\"currency\": { \"type\": \"string\", \"pattern\": \"^[A-Z]{3}$\" }",
            "\"currency\": { \"type\": \"integer\" }"));

    assertThat(policy(catalogWithTenantRevision("1.1")).check(TODAY))
        .contains(
            "tenant.provisioned.v1 1.0 -> 1.1: breaking change /properties/currency: 'type' changed from \"string\""
                + " to \"integer\"; it needs tenant.provisioned.v2",
            "tenant.provisioned.v1 1.0 -> 1.1: breaking change /properties/currency: 'pattern' changed from"
                + " \"^[A-Z]{3}$\" to (absent); it needs tenant.provisioned.v2");
  }

  @Test
  void aDeletedReleasedRevisionIsReported() throws IOException {
    copyShippedSchemas();
    Files.delete(schemas.resolve("metrics.ingested.v1/1.0.schema.json"));

    assertThat(policy(EventCatalog.standard()).check(TODAY))
        .containsExactly(
            "metrics.ingested.v1 1.0: schema file is missing; released revisions must be kept");
  }

  @Test
  void aPreviousVersionStaysSupportedSixMonthsAfterItsSuccessor() {
    EventCatalog catalog =
        twoVersions(
            "\"deprecatedOn\": \"2026-01-01\", \"sunsetOn\": \"2026-05-01\"",
            "\"releasedOn\": \"2026-01-01\"");

    assertThat(
            new VersioningPolicy(catalog, (t, r) -> java.util.Optional.empty(), emptyRecord())
                .check(TODAY))
        .contains(
            "tenant.provisioned.v1: must stay supported until at least 2026-07-01 (6 months after"
                + " tenant.provisioned.v2 was released on 2026-01-01), but sunsetOn is 2026-05-01");
  }

  @Test
  void removalNeedsThreeMonthsNotice() {
    EventCatalog catalog =
        twoVersions(
            "\"deprecatedOn\": \"2026-06-01\", \"sunsetOn\": \"2026-07-15\"",
            "\"releasedOn\": \"2026-01-01\"");

    assertThat(
            new VersioningPolicy(catalog, (t, r) -> java.util.Optional.empty(), emptyRecord())
                .check(TODAY))
        .contains(
            "tenant.provisioned.v1: deprecation notice on 2026-06-01 gives less than 3 months before sunset on"
                + " 2026-07-15");
  }

  @Test
  void aSuccessorRequiresDeprecationAndSunsetDates() {
    EventCatalog catalog =
        twoVersions("\"deprecatedOn\": null, \"sunsetOn\": null", "\"releasedOn\": \"2026-01-01\"");

    assertThat(
            new VersioningPolicy(catalog, (t, r) -> java.util.Optional.empty(), emptyRecord())
                .check(TODAY))
        .contains(
            "tenant.provisioned.v1: tenant.provisioned.v2 is released, so tenant.provisioned.v1 needs deprecatedOn"
                + " and sunsetOn");
  }

  @Test
  void aTypeLeavesTheCatalogOnlyAfterItsSunset() {
    String record =
        """
        {"tenant.provisioned.v1": {"revisions": {"1.0": "x"}, "sunsetOn": "2027-01-01"},
         "tenant.created.v1": {"revisions": {"1.0": "y"}, "sunsetOn": null}}
        """;
    EventCatalog empty =
        EventCatalog.read(
            new ByteArrayInputStream(
                "{\"sources\": [], \"consumers\": [], \"events\": []}"
                    .getBytes(StandardCharsets.UTF_8)));
    VersioningPolicy policy =
        new VersioningPolicy(
            empty,
            (t, r) -> java.util.Optional.empty(),
            ReleasedSchemas.read(
                new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8))));

    assertThat(policy.check(TODAY))
        .containsExactly(
            "tenant.provisioned.v1: removed from the catalog before its sunset on 2027-01-01",
            "tenant.created.v1: removed from the catalog before its sunset (it has no sunset date)");
    assertThat(policy.check(LocalDate.of(2027, 1, 1)))
        .containsExactly(
            "tenant.created.v1: removed from the catalog before its sunset (it has no sunset date)");
  }

  private VersioningPolicy policy(EventCatalog catalog) {
    return new VersioningPolicy(
        catalog, SchemaStore.directory(schemas), ReleasedSchemas.classpath());
  }

  private void copyShippedSchemas() throws IOException {
    try (Stream<Path> files = Files.walk(SHIPPED_SCHEMAS)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = schemas.resolve(SHIPPED_SCHEMAS.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private static EventCatalog catalogWithTenantRevision(String revision) throws IOException {
    Path file = Path.of("src/main/resources/" + EventCatalog.RESOURCE);
    String json =
        Files.readString(file)
            .replace(
                "\"producer\": \"tenant-onboard\",\n      \"consumers\": [\"analytics\", \"aggregation\"],\n      \"revision\": \"1.0\"",
                "\"producer\": \"tenant-onboard\",\n      \"consumers\": [\"analytics\", \"aggregation\"],\n      \"revision\": \""
                    + revision
                    + "\"");
    assertThat(json).contains("\"revision\": \"" + revision + "\"");
    return EventCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static EventCatalog twoVersions(String v1Dates, String v2Release) {
    String json =
        """
        {"sources": ["tenant-onboard"], "consumers": ["analytics"], "events": [
          {"type": "tenant.provisioned.v1", "description": "d", "producer": "tenant-onboard",
           "consumers": ["analytics"], "revision": "1.0", "releasedOn": "2025-01-01", %s},
          {"type": "tenant.provisioned.v2", "description": "d", "producer": "tenant-onboard",
           "consumers": ["analytics"], "revision": "2.0", %s}]}
        """
            .formatted(v1Dates, v2Release);
    return EventCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static ReleasedSchemas emptyRecord() {
    return new ReleasedSchemas(java.util.Map.of());
  }
}
