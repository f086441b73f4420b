package com.salestalk.eventcontracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the fixture files under {@code src/test/resources/events/}: every {@code valid-*.json}
 * validates, every {@code invalid-*.json} yields exactly the violations in its {@code .expected}
 * companion.
 */
class EventFixturesTest {

  private static final Path ROOT = Path.of("src/test/resources/events");
  private final EventValidator validator = EventValidator.strict();

  static Stream<Path> validFixtures() throws IOException {
    return fixtures("valid-");
  }

  static Stream<Path> invalidFixtures() throws IOException {
    return fixtures("invalid-");
  }

  private static Stream<Path> fixtures(String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      files =
          walk.filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> p.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("fixtures " + prefix + "*").hasSizeGreaterThan(5);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void validFixtureHasNoViolations(Path file) throws IOException {
    assertThat(validator.validate(Files.readAllBytes(file)).violations()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void invalidFixtureYieldsExactlyTheExpectedViolations(Path file) throws IOException {
    Path expected =
        file.resolveSibling(file.getFileName().toString().replace(".json", ".expected"));
    List<String> messages =
        validator.validate(Files.readAllBytes(file)).violations().stream()
            .map(Violation::toString)
            .toList();

    assertThat(messages).containsExactlyElementsOf(Files.readAllLines(expected));
  }
}
