package com.salestalk.infra.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's template and data contracts, found from the module directory. */
final class TemplateFiles {

  private TemplateFiles() {}

  /** {@code infra/template.yaml}. */
  static Path template() {
    return existing(Path.of("template.yaml"), Path.of(CfnTemplate.PATH));
  }

  /** {@code docs/DATA_CONTRACTS.md}. */
  static Path dataContracts() {
    return existing(Path.of("../docs/DATA_CONTRACTS.md"), Path.of("docs/DATA_CONTRACTS.md"));
  }

  static CfnTemplate load() {
    return CfnTemplate.load(template());
  }

  private static Path existing(Path... candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "none of " + java.util.Arrays.toString(candidates) + " exists; run from the repository");
  }
}
