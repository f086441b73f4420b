package com.salestalk.eventcontracts.events;

import static com.salestalk.eventcontracts.events.Components.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The data of {@code narrative.generated.v1}: a narrative answer grounded in the tenant's metrics
 * was generated for a chat message.
 *
 * @param narrativeId the narrative
 * @param messageId the message it answers
 * @param intent the message's intent
 * @param text the answer
 * @param metricsUsed the metric values the answer quotes
 * @param dataAsOf date-time of the newest data used, as sent (RFC 3339), or {@code null}
 * @param grounded whether every figure in the text comes from {@code metricsUsed}
 * @param generator the generator that ran
 * @param latencyMs how long generation took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventContract("narrative.generated.v1")
public record NarrativeGenerated(
    NarrativeId narrativeId,
    MessageId messageId,
    Intent intent,
    String text,
    List<MetricUsed> metricsUsed,
    String dataAsOf,
    boolean grounded,
    Component generator,
    long latencyMs)
    implements EventPayload {

  /** Requires every property the schema requires. */
  public NarrativeGenerated {
    required(narrativeId, "narrativeId");
    required(messageId, "messageId");
    required(intent, "intent");
    required(text, "text");
    metricsUsed = Components.requiredList(metricsUsed, "metricsUsed");
    required(generator, "generator");
  }

  /**
   * One metric value an answer quotes.
   *
   * @param metric metric name
   * @param period the period's label, e.g. {@code Q3 2026}
   * @param value the value, exact as stored (a decimal, so {@code 1350000} stays {@code 1350000})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MetricUsed(String metric, String period, BigDecimal value) {

    /** Requires every part. */
    public MetricUsed {
      required(metric, "metric");
      required(period, "period");
      required(value, "value");
    }
  }
}
