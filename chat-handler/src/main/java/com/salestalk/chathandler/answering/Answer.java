package com.salestalk.chathandler.answering;

import java.time.Instant;
import java.util.List;

/**
 * What the chat answers.
 *
 * @param narrative the text
 * @param metricsUsed the figures it quotes
 * @param grounded computed: every number in the narrative that is not a period's or a dimension
 *     value's name matches a value of {@code metricsUsed} at the narrative's rounding
 * @param dataAsOf when the newest upload behind the figures read was made, or null when none was
 */
public record Answer(
    String narrative, List<MetricUsed> metricsUsed, boolean grounded, Instant dataAsOf) {

  public Answer {
    metricsUsed = List.copyOf(metricsUsed);
  }
}
