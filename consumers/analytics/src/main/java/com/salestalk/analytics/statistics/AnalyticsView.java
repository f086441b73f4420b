package com.salestalk.analytics.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salestalk.eventcontracts.events.CompletionReason;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.servicekit.query.DateRange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/analytics}: the calling tenant's narratives and conversations of
 * a range of UTC days.
 *
 * @param from first day asked for
 * @param to last day asked for
 * @param narratives the narratives generated in the range
 * @param conversations the conversations that ended in the range
 */
record AnalyticsView(
    LocalDate from, LocalDate to, NarrativeView narratives, ConversationView conversations) {

  /**
   * Narratives, all of the range or those of one intent.
   *
   * @param count how many were generated
   * @param groundedRatio the share whose every figure came from the tenant's metrics (4 decimals)
   * @param averageLength mean length in characters (2 decimals)
   * @param latencyMs generation latency
   * @param byIntent per intent with narratives, in the order of the schema's intents; only at the
   *     top
   */
  record NarrativeView(
      long count,
      Double groundedRatio,
      Double averageLength,
      DurationView latencyMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, NarrativeView> byIntent) {

    static NarrativeView of(NarrativeCounts counts, Map<String, NarrativeView> byIntent) {
      return new NarrativeView(
          counts.narratives(),
          counts.groundedRatio(),
          counts.averageLength(),
          DurationView.of(counts.latencySumMs(), counts.latency()),
          byIntent);
    }
  }

  /**
   * Milliseconds: the mean (2 decimals) and percentiles from buckets, each the upper bound of the
   * bucket holding its rank (at most 25 % above the true value; docs/analytics.md). All null when
   * there is nothing.
   */
  record DurationView(Double average, Long p50, Long p90, Long p95, Long p99) {

    static DurationView of(long sumMs, Histogram histogram) {
      return new DurationView(
          Ratios.of(sumMs, histogram.count(), Ratios.AVERAGE),
          histogram.percentile(50),
          histogram.percentile(90),
          histogram.percentile(95),
          histogram.percentile(99));
    }
  }

  /**
   * Conversations that ended in the range.
   *
   * @param count how many
   * @param durationMs how long they lasted
   * @param messages the messages users sent in them
   * @param completionReasons how many ended for each reason (every reason listed)
   * @param feedback the ratings users gave
   */
  record ConversationView(
      long count,
      DurationView durationMs,
      MessagesView messages,
      Map<String, Long> completionReasons,
      FeedbackView feedback) {

    static ConversationView of(ConversationCounts counts) {
      Map<String, Long> reasons = new LinkedHashMap<>();
      for (CompletionReason reason : CompletionReason.values()) {
        reasons.put(reason.wire(), counts.reasons().getOrDefault(reason, 0L));
      }
      Map<String, Long> distribution = new LinkedHashMap<>();
      for (int stars = ConversationCounts.MIN_RATING;
          stars <= ConversationCounts.MAX_RATING;
          stars++) {
        distribution.put(Integer.toString(stars), counts.ratings().getOrDefault(stars, 0L));
      }
      long rated = counts.rated();
      return new ConversationView(
          counts.conversations(),
          DurationView.of(counts.durationSumMs(), counts.duration()),
          new MessagesView(
              counts.messages(),
              Ratios.of(counts.messages(), counts.conversations(), Ratios.AVERAGE)),
          reasons,
          new FeedbackView(
              rated,
              Ratios.of(rated, counts.conversations(), Ratios.SHARE),
              counts.averageRating(),
              distribution));
    }
  }

  /**
   * @param total messages users sent
   * @param average per conversation (2 decimals)
   */
  record MessagesView(long total, Double average) {}

  /**
   * @param count conversations rated
   * @param rate their share of the conversations (4 decimals)
   * @param averageRating mean stars (2 decimals)
   * @param distribution how many were rated with 1 to 5 stars (every rating listed)
   */
  record FeedbackView(
      long count, Double rate, Double averageRating, Map<String, Long> distribution) {}

  static AnalyticsView of(
      DateRange range, Map<Intent, NarrativeCounts> narratives, ConversationCounts conversations) {
    Map<String, NarrativeView> byIntent = new LinkedHashMap<>();
    NarrativeCounts all = NarrativeCounts.none();
    for (Intent intent : Intent.values()) {
      NarrativeCounts counts = narratives.get(intent);
      if (counts != null) {
        byIntent.put(intent.wire(), NarrativeView.of(counts, null));
        all = all.plus(counts);
      }
    }
    return new AnalyticsView(
        range.from(),
        range.to(),
        NarrativeView.of(all, byIntent),
        ConversationView.of(conversations));
  }
}
