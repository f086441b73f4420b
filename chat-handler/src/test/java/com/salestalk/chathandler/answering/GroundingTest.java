package com.salestalk.chathandler.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of a text must be a figure at the text's rounding; names are not numbers. */
class GroundingTest {

  static final List<MetricUsed> Q1 =
      List.of(
          new MetricUsed("revenue", "Q1 2026", new BigDecimal("42034.50"), null),
          new MetricUsed("revenue", "Q4 2025", new BigDecimal("31500"), null),
          new MetricUsed("revenue", "Q1 2026 vs Q4 2025", new BigDecimal("0.3344285714"), null),
          new MetricUsed("revenue", "Q1 2026", new BigDecimal("26500"), "sales_rep=Agent 007"));

  static List<String> ungrounded(String text) {
    return Grounding.ungrounded(text, Q1, List.of("last 12 months"));
  }

  @Test
  void aFigureMatchesAtTheRoundingTheTextShows() {
    assertThat(ungrounded("Revenue in Q1 2026 was $42,034.50, $42,035, $42K, 42.03K or 0.04M."))
        .isEmpty();
    assertThat(Grounding.grounded("Revenue was up 33.4% (33%) to $42K.", Q1, List.of())).isTrue();
  }

  @Test
  void aNumberNoFigureHasIsUngrounded() {
    assertThat(ungrounded("Revenue in Q1 2026 was $43K.")).containsExactly("43K");
    assertThat(ungrounded("Revenue in Q1 2026 was $42,034, up 12%."))
        .containsExactly("42,034", "12%");
    assertThat(Grounding.grounded("Revenue in Q1 2026 was $43K.", Q1, List.of())).isFalse();
  }

  @Test
  void periodAndDimensionValueNamesAreNotFigures() {
    assertThat(
            ungrounded(
                "Agent 007 sold $26.5K in Q1 2026 (March 2026, 2026-03-31) of the last 12 months."))
        .isEmpty();
    assertThat(ungrounded("Revenue in 2027 was $42K for 8 reps.")).containsExactly("2027", "8");
  }

  @Test
  void aTextWithoutNumbersIsGrounded() {
    assertThat(Grounding.grounded("Hi! Ask me about your numbers.", List.of(), List.of())).isTrue();
  }
}
