package com.salestalk.testsupport;

import com.salestalk.infra.template.CfnTemplate;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code infra/template.yaml} from wherever a test runs. */
final class StackTemplate {

  private StackTemplate() {}

  /** The template, searched from the working directory upwards. */
  static Path find() {
    return find(Path.of(""));
  }

  /**
   * The first {@code infra/template.yaml} in {@code start} or one of its parents.
   *
   * @throws IllegalStateException when there is none
   */
  static Path find(Path start) {
    Path absolute = start.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(CfnTemplate.PATH);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no "
            + CfnTemplate.PATH
            + " in "
            + absolute
            + " or any parent directory; run the tests inside the repository");
  }
}
