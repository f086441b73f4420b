package com.salestalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTemplateTest {

  @TempDir Path repository;

  @Test
  void findsTheTemplateFromAModuleDirectory() throws IOException {
    Path template = Files.createDirectories(repository.resolve("infra")).resolve("template.yaml");
    Files.writeString(template, "Resources: {}\n");
    Path module = Files.createDirectories(repository.resolve("tenant-onboard/target"));

    assertThat(StackTemplate.find(module)).isEqualTo(template.toAbsolutePath().normalize());
  }

  @Test
  void findsTheTemplateFromTheRepositoryRoot() throws IOException {
    Path template = Files.createDirectories(repository.resolve("infra")).resolve("template.yaml");
    Files.writeString(template, "Resources: {}\n");

    assertThat(StackTemplate.find(repository)).isEqualTo(template.toAbsolutePath().normalize());
  }

  @Test
  void failsNamingWhereItLookedWhenThereIsNone() {
    Path module = repository.resolve("elsewhere");

    assertThatThrownBy(() -> StackTemplate.find(module))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no infra/template.yaml in "
                + module.toAbsolutePath().normalize()
                + " or any parent directory; run the tests inside the repository");
  }

  @Test
  void theTestsOfThisModuleFindTheRepositorysTemplate() {
    assertThat(StackTemplate.find()).endsWith(Path.of("infra", "template.yaml")).isRegularFile();
  }
}
