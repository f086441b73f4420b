package com.salestalk.chathandler.answering;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A figure an answer quotes.
 *
 * @param metric the tenant's metric name
 * @param period the period's label as the narrative names it, e.g. {@code Q1 2026}; for a change
 *     between two periods both labels, {@code Q1 2026 vs Q4 2025}, and {@code value} the relative
 *     change (0.125 = +12.5 %)
 * @param value the figure, unrounded
 * @param dimension {@code dimension=value} for a figure of one dimension value (e.g. {@code
 *     region=EU}), or null for the metric's total
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricUsed(String metric, String period, BigDecimal value, String dimension) {}
