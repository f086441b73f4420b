package com.salestalk.insights.classifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salestalk.servicekit.query.DateRange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/insights}.
 *
 * @param from first day asked for (UTC)
 * @param to last day asked for (UTC)
 * @param lowConfidenceThreshold confidence below this counts as low
 * @param totals the whole range
 * @param days each day with classifications, earliest first (days without any are left out)
 * @param samples the range's newest unknown or low-confidence utterances, newest first
 */
record InsightsView(
    LocalDate from,
    LocalDate to,
    double lowConfidenceThreshold,
    Counts totals,
    List<Counts> days,
    List<Sample> samples) {

  /**
   * Counts of a day or of the range.
   *
   * @param date the day; absent in {@code totals}
   * @param classifications how many messages were classified
   * @param averageConfidence their mean confidence (4 decimals), null when there were none
   * @param lowConfidence how many had a confidence below the threshold
   * @param lowConfidenceRate their share (4 decimals), null when there were none
   * @param intents per intent found (its JSON name), in the order of the schema's intents
   */
  record Counts(
      @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate date,
      long classifications,
      Double averageConfidence,
      long lowConfidence,
      Double lowConfidenceRate,
      Map<String, IntentView> intents) {

    static Counts of(DayCounts counts) {
      Map<String, IntentView> intents = new LinkedHashMap<>();
      counts.intents().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  intents.put(
                      e.getKey().wire(),
                      new IntentView(e.getValue().count(), e.getValue().averageConfidence())));
      return new Counts(
          counts.day(),
          counts.classifications(),
          counts.averageConfidence(),
          counts.lowConfidence(),
          counts.lowConfidenceRate(),
          intents);
    }
  }

  /**
   * One intent's classifications.
   *
   * @param count how many
   * @param averageConfidence their mean confidence (4 decimals)
   */
  record IntentView(long count, Double averageConfidence) {}

  static InsightsView of(DateRange range, double threshold, InsightsTable.Insights insights) {
    DayCounts total = DayCounts.NONE;
    for (DayCounts day : insights.days()) {
      total = total.plus(day);
    }
    return new InsightsView(
        range.from(),
        range.to(),
        threshold,
        Counts.of(total),
        insights.days().stream().map(Counts::of).toList(),
        insights.samples());
  }
}
