package com.salestalk.eventcontracts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./salestalk events} script as a user would, against the jar this build
 * packaged.
 */
class SalestalkScriptIT {

  private static final Path SCRIPT = Path.of("..", "salestalk").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  @Test
  void validatesFilesWithTheDocumentedExitCodes() throws Exception {
    Path sample = dir.resolve("sample.json");
    Run sampled = run("events", "sample", "tenant.provisioned.v1");
    assertThat(sampled.exitCode()).isZero();
    Files.writeString(sample, sampled.out());
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"eventId\": ");

    assertThat(run("events", "validate", sample.toString()))
        .isEqualTo(new Run(0, sample + ": valid\n", ""));
    assertThat(run("events", "validate", sample.toString(), broken.toString()).exitCode())
        .isEqualTo(1);
    assertThat(run("events", "validate", dir.resolve("absent.json").toString()))
        .isEqualTo(new Run(2, "", dir.resolve("absent.json") + ": cannot read: no such file\n"));
  }

  @Test
  void listsTheCatalog() throws Exception {
    Run list = run("events", "list");

    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines().toList())
        .hasSize(6)
        .first()
        .asString()
        .startsWith("TYPE                           REVISION  PRODUCER");
  }

  @Test
  void unknownCommandsExitTwo() throws Exception {
    Run run = run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("salestalk: unknown command 'frobnicate'\n");
  }

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(SCRIPT.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out-" + System.nanoTime());
    Path err = dir.resolve("err-" + System.nanoTime());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("salestalk finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
