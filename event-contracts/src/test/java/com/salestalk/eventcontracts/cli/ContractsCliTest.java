package com.salestalk.eventcontracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import com.salestalk.eventcontracts.validation.EventValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsCliTest {

  private static final Path FIXTURES = Path.of("src/test/resources/events");

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ContractsCli cli =
      new ContractsCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void validFilesExitZero() {
    String file = FIXTURES.resolve("tenant.provisioned.v1/valid-full.json").toString();

    assertThat(cli.run("events", "validate", file)).isZero();
    assertThat(out()).isEqualTo(file + ": valid\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void anInvalidFilePrintsOneLinePerViolationAndExitsOne() throws IOException {
    Path file = dir.resolve("event.json");
    Files.writeString(
        file,
        Files.readString(FIXTURES.resolve("tenant.provisioned.v1/valid-full.json"))
            .replace("\"standard\"", "\"platinum\"")
            .replace("\"USD\"", "\"usd\""));
    String valid = FIXTURES.resolve("metrics.ingested.v1/valid-full.json").toString();

    assertThat(cli.run("events", "validate", valid, file.toString())).isEqualTo(1);
    assertThat(out())
        .isEqualTo(
            valid
                + ": valid\n"
                + file
                + ": /data/plan: does not have a value in the enumeration [\"trial\", \"standard\", \"enterprise\"]\n"
                + file
                + ": /data/currency: does not match the regex pattern ^[A-Z]{3}$\n");
  }

  @Test
  void anEventFromTheTestHarnessIsValidOnlyWithTheTestHarnessOption() {
    String file =
        FIXTURES.resolve("tenant.provisioned.v1/invalid-from-test-harness.json").toString();

    assertThat(cli.run("events", "validate", file)).isEqualTo(1);
    assertThat(out())
        .isEqualTo(
            file
                + ": /source: tenant.provisioned.v1 is produced by tenant-onboard, not by"
                + " 'test-harness' (test-harness is accepted only in test mode)\n");
    out.reset();
    assertThat(cli.run("events", "validate", "--test-harness", file)).isZero();
    assertThat(out()).isEqualTo(file + ": valid\n");
    out.reset();
    String spoofed = FIXTURES.resolve("envelope/invalid-source-not-the-producer.json").toString();
    assertThat(cli.run("events", "validate", "--test-harness", spoofed)).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotJsonIsInvalid() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

    assertThat(cli.run("events", "validate", file.toString())).isEqualTo(1);
    assertThat(out())
        .isEqualTo(
            file
                + ": /: not valid JSON: Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object"
                + " or token 'null', 'true' or 'false') (line 1, column 1)\n");
  }

  @Test
  void anUnreadableFileExitsTwoEvenWhenOthersAreInvalid() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.json"), "{}");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    boolean rootCanReadAnyway = Files.isReadable(secret);
    Path missing = dir.resolve("missing.json");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{");

    int code = cli.run("events", "validate", garbage.toString(), missing.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo(missing + ": cannot read: no such file\n");
    assertThat(out()).startsWith(garbage + ": /: not valid JSON: ");
    if (!rootCanReadAnyway) {
      assertThat(cli.run("events", "validate", secret.toString())).isEqualTo(2);
    }
  }

  @Test
  void aFileOverTheSizeLimitIsInvalidWithoutBeingRead() throws IOException {
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[300_000]);

    assertThat(cli.run("events", "validate", big.toString())).isEqualTo(1);
    assertThat(out())
        .isEqualTo(big + ": /: event is 300000 bytes; the limit is 262144 bytes (256 KB)\n");
  }

  @Test
  void sampleprintsAValidEventOfTheType() {
    assertThat(cli.run("events", "sample", "metrics.ingested.v1")).isZero();

    assertThat(EventValidator.strict().validate(out()).violations()).isEmpty();
    assertThat(EnvelopeJson.mapper().readTree(out()).get("eventType").asString())
        .isEqualTo("metrics.ingested.v1");
  }

  @Test
  void sampleOfAnUnknownTypeExitsTwo() {
    assertThat(cli.run("events", "sample", "tenant.deleted.v1")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "salestalk events sample: unknown event type 'tenant.deleted.v1'; known: [classification.performed.v1,"
                + " narrative.generated.v1, conversation.completed.v1, metrics.ingested.v1, tenant.provisioned.v1]\n");
    assertThat(cli.run("events", "sample", "Tenant")).isEqualTo(2);
  }

  @Test
  void listPrintsTheCatalog() {
    assertThat(cli.run("events", "list")).isZero();
    assertThat(out())
        .isEqualTo(
            """
            TYPE                           REVISION  PRODUCER         CONSUMERS                STATUS
            classification.performed.v1    1.0       chat-handler     insights                 current
            narrative.generated.v1         1.0       chat-handler     analytics                current
            conversation.completed.v1      1.0       chat-handler     analytics                current
            metrics.ingested.v1            1.0       metrics-handler  aggregation,validation   current
            tenant.provisioned.v1          1.0       tenant-onboard   analytics,aggregation    current
            """);
  }

  @Test
  void misuseExitsTwoWithUsage() {
    assertThat(cli.run()).isEqualTo(2);
    assertThat(cli.run("events", "validate")).isEqualTo(2);
    assertThat(cli.run("events", "frobnicate")).isEqualTo(2);
    assertThat(err())
        .contains(
            "usage: salestalk events validate [--test-harness] FILE... | events sample TYPE"
                + " | events list");
    assertThat(cli.run("events", "validate", "--test-harness")).isEqualTo(2);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
