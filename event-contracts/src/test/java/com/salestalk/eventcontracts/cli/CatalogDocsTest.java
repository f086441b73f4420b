package com.salestalk.eventcontracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.catalog.CatalogEntry;
import com.salestalk.eventcontracts.catalog.EventCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The docs show the catalog as it is: the table in {@code docs/event-contracts.md} and the {@code
 * events list} output in {@code README.md} are generated from {@code event-catalog.json}. A stale
 * block is rewritten and the test fails, so the regenerated file gets committed.
 */
class CatalogDocsTest {

  private static final Path CONTRACTS_DOC = Path.of("../docs/event-contracts.md");
  private static final Path README = Path.of("../README.md");

  @Test
  void contractsDocListsExactlyTheCatalog() throws IOException {
    StringBuilder table =
        new StringBuilder(
            "| type | revision | producer | consumers | meaning |\n|---|---|---|---|---|\n");
    for (CatalogEntry entry : EventCatalog.standard().entries()) {
      table
          .append("| `")
          .append(entry.type())
          .append("` | ")
          .append(entry.revision())
          .append(" | ")
          .append(entry.producer())
          .append(" | ")
          .append(String.join(", ", entry.consumers()))
          .append(" | ")
          .append(entry.description())
          .append(" |\n");
    }
    assertBlockIsCurrent(CONTRACTS_DOC, "catalog", table.toString());
  }

  @Test
  void readmeShowsTheRealEventsListOutput() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContractsCli cli =
        new ContractsCli(
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Clock.systemUTC());
    assertThat(cli.run("events", "list")).isZero();

    assertBlockIsCurrent(
        README,
        "events-list",
        "```\n$ ./salestalk events list\n" + out.toString(StandardCharsets.UTF_8) + "```\n");
  }

  private static void assertBlockIsCurrent(Path file, String name, String expected)
      throws IOException {
    String text = Files.readString(file);
    int start = text.indexOf("<!-- " + name + ":start");
    int end = text.indexOf("<!-- " + name + ":end -->");
    assertThat(start).as(file + " has a " + name + ":start marker").isNotNegative();
    assertThat(end).as(file + " has a " + name + ":end marker").isGreaterThan(start);
    int bodyStart = text.indexOf('\n', start) + 1;
    String current = text.substring(bodyStart, end);
    if (!current.equals(expected)) {
      Files.writeString(file, text.substring(0, bodyStart) + expected + text.substring(end));
    }
    assertThat(current)
        .as(file + " block '" + name + "' was stale and has been regenerated; commit the file")
        .isEqualTo(expected);
  }
}
