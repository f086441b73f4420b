package com.salestalk.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fixture per check ({@code fixtures/<check>.csv}) with the exact result expected of it ({@code
 * fixtures/<check>.expected.json}: the report's status and the check as the report holds it); every
 * other check of the fixture passes.
 */
class CheckFixturesTest {

  static final CheckSettings SETTINGS =
      new CheckSettings(
          Set.of("revenue", "deals_closed", "units"), BigDecimal.ONE, Duration.ofDays(35), 20);

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @ParameterizedTest
  @ValueSource(
      strings = {"completeness", "uniqueness", "gaps", "non-negative", "outliers", "freshness"})
  void aFixtureGetsExactlyTheFindingExpectedOfItsCheckAndPassesTheOthers(String check)
      throws IOException {
    QualityReport report = Fixture.load(check + ".csv").check(SETTINGS);

    JsonNode expected = expected(check);
    CheckResult result =
        report.checks().stream().filter(c -> c.name().id().equals(check)).findFirst().orElseThrow();
    assertThat(report.status().id()).isEqualTo(expected.get("status").asString());
    assertThat(JSON.readTree(JSON.writeValueAsString(result))).isEqualTo(expected.get("check"));
    assertThat(report.checks())
        .filteredOn(c -> !c.name().id().equals(check))
        .allSatisfy(
            other -> {
              assertThat(other.passed()).as(other.name().id()).isTrue();
              assertThat(other.details()).as(other.name().id()).isEmpty();
            });
  }

  @org.junit.jupiter.api.Test
  void aCleanUploadPassesEveryCheckWithFullScores() {
    QualityReport report = Fixture.load("clean.csv").check(SETTINGS);

    assertThat(report.status()).isEqualTo(Status.PASSED);
    assertThat(report.checks()).extracting(CheckResult::name).containsExactly(CheckName.values());
    assertThat(report.checks())
        .allSatisfy(
            check -> {
              assertThat(check.passed()).isTrue();
              assertThat(check.score()).isEqualByComparingTo(BigDecimal.ONE);
              assertThat(check.details()).isEmpty();
              assertThat(check.detailsTotal()).isZero();
            });
    assertThat(report.checks())
        .extracting(c -> c.value().toPlainString())
        .containsExactly("1", "1", "0", "0", "0", "10");
  }

  private static JsonNode expected(String check) throws IOException {
    try (InputStream in =
        CheckFixturesTest.class.getResourceAsStream("/fixtures/" + check + ".expected.json")) {
      return JSON.readTree(in);
    }
  }
}
