package com.salestalk.infra.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint (AWS's CloudFormation linter) passes on the template. cfn-lint must be installed ({@code
 * .ci/run} installs it): where it is missing the test fails, so the template is never left
 * unlinted.
 */
class CfnLintTest {

  @Test
  void cfnLintFindsNothing() throws Exception {
    Optional<Path> cfnLint = onPath("cfn-lint");
    if (cfnLint.isEmpty()) {
      fail("cfn-lint is not installed (pip install cfn-lint, or run .ci/run): template not linted");
    }
    Path output = Files.createTempFile("cfn-lint", ".txt");
    Process process =
        new ProcessBuilder(
                cfnLint.get().toString(),
                "--format",
                "parseable",
                TemplateFiles.template().toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String findings = Files.readString(output, StandardCharsets.UTF_8);
    Files.deleteIfExists(output);
    assertThat(finished).as("cfn-lint finished within 180 s").isTrue();
    assertThat(findings).as("cfn-lint findings").isEmpty();
    assertThat(process.exitValue()).as("cfn-lint exit status").isZero();
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
