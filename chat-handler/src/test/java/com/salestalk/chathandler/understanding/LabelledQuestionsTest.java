package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.events.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Measures the understanding against labelled questions (src/test/resources/understanding): intent
 * accuracy must reach 90 % and period accuracy 95 %, on the development set (the rules were tuned
 * against it) and on the held-out set (never used for tuning). Prints the accuracies and every
 * question that missed.
 */
class LabelledQuestionsTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T13:00:00Z"), ZoneOffset.UTC);
  static final TenantVocabulary TENANT =
      new TenantVocabulary(
          Set.of(
              "revenue",
              "deals_closed",
              "units",
              "churned_customers",
              "refunds",
              "new_customers",
              "leads",
              "pipeline_value",
              "average_deal_size",
              "win_rate"),
          Set.of("region", "product", "sales_rep", "channel", "segment"),
          ZoneId.of("America/New_York"));

  final QuestionUnderstanding understanding =
      new QuestionUnderstanding(UnderstandingProperties.defaults(), CLOCK);

  @Test
  void developmentSetMeetsTheGoals() throws IOException {
    assertMeetsGoals("questions-dev.tsv");
  }

  @Test
  void heldOutSetMeetsTheGoals() throws IOException {
    assertMeetsGoals("questions-holdout.tsv");
  }

  private void assertMeetsGoals(String file) throws IOException {
    Result result = measure(file);
    System.out.println(result.report(file));
    assertThat(result.intentAccuracy())
        .as("intent accuracy on " + file)
        .isGreaterThanOrEqualTo(0.90);
    assertThat(result.periodAccuracy())
        .as("period accuracy on " + file)
        .isGreaterThanOrEqualTo(0.95);
  }

  record Labelled(
      String question,
      Intent intent,
      List<String> metrics,
      List<String> periods,
      String dimension) {}

  record Result(
      int questions,
      int intentsRight,
      int periodQuestions,
      int periodsRight,
      int metricsRight,
      int dimensionsRight,
      int clarified,
      List<String> misses) {

    double intentAccuracy() {
      return (double) intentsRight / questions;
    }

    double periodAccuracy() {
      return (double) periodsRight / periodQuestions;
    }

    String report(String file) {
      return String.format(
              Locale.ROOT,
              "%s: %d questions; intent %.1f %% (%d/%d), periods %.1f %% (%d/%d questions with a period),"
                  + " metrics %.1f %%, dimension %.1f %%; %d asked back%n",
              file,
              questions,
              100.0 * intentAccuracy(),
              intentsRight,
              questions,
              100.0 * periodAccuracy(),
              periodsRight,
              periodQuestions,
              100.0 * metricsRight / questions,
              100.0 * dimensionsRight / questions,
              clarified)
          + String.join("\n", misses);
    }
  }

  Result measure(String file) throws IOException {
    List<Labelled> labelled = read(file);
    int intents = 0;
    int periodQuestions = 0;
    int periods = 0;
    int metrics = 0;
    int dimensions = 0;
    int clarified = 0;
    List<String> misses = new ArrayList<>();
    for (Labelled question : labelled) {
      QueryPlan plan = understanding.understand(question.question(), TENANT);
      List<String> actualPeriods = plan.periods().stream().map(Period::iso).toList();
      boolean intentRight = plan.intent() == question.intent();
      boolean periodsRight = actualPeriods.equals(question.periods());
      boolean metricsRight = plan.metrics().equals(question.metrics());
      boolean dimensionRight =
          String.valueOf(plan.dimension()).equals(String.valueOf(question.dimension()));
      intents += intentRight ? 1 : 0;
      if (!question.periods().isEmpty() || !actualPeriods.isEmpty()) {
        periodQuestions++;
        periods += periodsRight ? 1 : 0;
      }
      metrics += metricsRight ? 1 : 0;
      dimensions += dimensionRight ? 1 : 0;
      clarified += plan.needsClarification() ? 1 : 0;
      if (!intentRight || !periodsRight || !metricsRight || !dimensionRight) {
        misses.add(
            miss(
                question,
                plan,
                actualPeriods,
                intentRight,
                periodsRight,
                metricsRight,
                dimensionRight));
      }
    }
    return new Result(
        labelled.size(), intents, periodQuestions, periods, metrics, dimensions, clarified, misses);
  }

  private static String miss(
      Labelled question,
      QueryPlan plan,
      List<String> actualPeriods,
      boolean intentRight,
      boolean periodsRight,
      boolean metricsRight,
      boolean dimensionRight) {
    StringBuilder line = new StringBuilder("  MISS \"" + question.question() + "\":");
    if (!intentRight) {
      line.append(" intent ")
          .append(question.intent().wire())
          .append(" -> ")
          .append(plan.intent().wire());
      line.append(" ")
          .append(
              plan.scores().stream()
                  .map(s -> s.intent().wire() + "=" + s.score() + s.cues())
                  .collect(Collectors.joining(" ")));
    }
    if (!periodsRight) {
      line.append(" periods ").append(question.periods()).append(" -> ").append(actualPeriods);
    }
    if (!metricsRight) {
      line.append(" metrics ").append(question.metrics()).append(" -> ").append(plan.metrics());
    }
    if (!dimensionRight) {
      line.append(" dimension ")
          .append(question.dimension())
          .append(" -> ")
          .append(plan.dimension());
    }
    return line.toString();
  }

  static List<Labelled> read(String file) throws IOException {
    try (InputStream in =
        LabelledQuestionsTest.class.getResourceAsStream("/understanding/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(
              line -> {
                String[] cells = line.split("\t", -1);
                return new Labelled(
                    cells[0],
                    Intent.valueOf(cells[1].toUpperCase(Locale.ROOT)),
                    list(cells[2], ","),
                    list(cells[3], ";"),
                    cells[4].equals("-") ? null : cells[4]);
              })
          .toList();
    }
  }

  private static List<String> list(String cell, String separator) {
    return cell.equals("-") ? List.of() : Arrays.asList(cell.split(separator));
  }
}
