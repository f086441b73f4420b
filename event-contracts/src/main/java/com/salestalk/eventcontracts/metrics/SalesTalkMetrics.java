package com.salestalk.eventcontracts.metrics;

import com.salestalk.eventcontracts.metrics.MetricDefinition.Kind;
import java.util.List;

/**
 * The metrics of docs/ARCHITECTURE.md#observability. Apps record exactly these; the CloudFormation
 * alarms and dashboard may name only these (checked by infra tests), so code and operations cannot
 * drift.
 */
public final class SalesTalkMetrics {

  /** CloudWatch namespace of every SalesTalk metric. */
  public static final String NAMESPACE = "SalesTalk";

  /** Dimension: the event type, e.g. {@code tenant.provisioned.v1}. */
  public static final String EVENT_TYPE = "eventType";

  /** Dimension: the producing service. */
  public static final String SOURCE = "source";

  /** Dimension: the consumer app. */
  public static final String CONSUMER = "consumer";

  /** Dimension: a dead-letter queue's name as SQS knows it, e.g. {@code local-insights-dlq}. */
  public static final String QUEUE = "queue";

  /** Dimension: a data-quality check of the validation consumer, e.g. {@code completeness}. */
  public static final String CHECK = "check";

  /** Events accepted by EventBridge. */
  public static final MetricDefinition PUBLISHED =
      new MetricDefinition(
          "salestalk.publish.published",
          Kind.COUNTER,
          List.of(EVENT_TYPE, SOURCE),
          "events accepted by EventBridge");

  /** Events refused by validation before publishing. */
  public static final MetricDefinition REJECTED =
      new MetricDefinition(
          "salestalk.publish.rejected",
          Kind.COUNTER,
          List.of(EVENT_TYPE, SOURCE),
          "events refused by contract validation, never sent");

  /** Events that failed for good (non-retryable or retries exhausted) and were parked. */
  public static final MetricDefinition PUBLISH_FAILED =
      new MetricDefinition(
          "salestalk.publish.failed",
          Kind.COUNTER,
          List.of(EVENT_TYPE, SOURCE),
          "events EventBridge refused for good; parked in the outbox");

  /** Time of one PutEvents call, retries included. */
  public static final MetricDefinition PUBLISH_LATENCY =
      new MetricDefinition(
          "salestalk.publish.latency",
          Kind.TIMER,
          List.of(SOURCE),
          "time of one publish call, retries included");

  /** Billable 64 KB chunks sent, for cost per event type. */
  public static final MetricDefinition BILLABLE_CHUNKS =
      new MetricDefinition(
          "salestalk.publish.billable.chunks",
          Kind.COUNTER,
          List.of(EVENT_TYPE),
          "64 KB PutEvents chunks billed, for cost per event type");

  /** Outbox entries waiting to be published. */
  public static final MetricDefinition OUTBOX_BACKLOG =
      new MetricDefinition(
          "salestalk.outbox.backlog",
          Kind.GAUGE,
          List.of(SOURCE),
          "outbox entries waiting to be published");

  /** Age in seconds of the oldest waiting outbox entry. */
  public static final MetricDefinition OUTBOX_OLDEST_AGE =
      new MetricDefinition(
          "salestalk.outbox.oldest.age",
          Kind.GAUGE,
          List.of(SOURCE),
          "age in seconds of the oldest waiting outbox entry");

  /**
   * Outbox entries parked as {@code FAILED} (refused for good, or out of attempts); they stay in
   * the outbox, unpublished, until requeued.
   */
  public static final MetricDefinition OUTBOX_PARKED =
      new MetricDefinition(
          "salestalk.outbox.parked",
          Kind.COUNTER,
          List.of(SOURCE),
          "outbox entries parked as FAILED; unpublished until requeued");

  /** Events a consumer handled successfully. */
  public static final MetricDefinition PROCESSED =
      new MetricDefinition(
          "salestalk.consume.processed",
          Kind.COUNTER,
          List.of(CONSUMER, EVENT_TYPE),
          "events handled successfully");

  /** Redeliveries recognised by eventId and skipped. */
  public static final MetricDefinition DUPLICATE =
      new MetricDefinition(
          "salestalk.consume.duplicate",
          Kind.COUNTER,
          List.of(CONSUMER, EVENT_TYPE),
          "redelivered events skipped by eventId");

  /** Handler failures; the message is redelivered and eventually dead-lettered. */
  public static final MetricDefinition CONSUME_FAILED =
      new MetricDefinition(
          "salestalk.consume.failed",
          Kind.COUNTER,
          List.of(CONSUMER, EVENT_TYPE),
          "handler failures; SQS redelivers, then dead-letters");

  /** Messages that are not valid events; they go to the DLQ. */
  public static final MetricDefinition INVALID =
      new MetricDefinition(
          "salestalk.consume.invalid",
          Kind.COUNTER,
          List.of(CONSUMER, EVENT_TYPE),
          "messages that are not valid events; sent to the DLQ");

  /** Time from the event's timestamp until its handling is done. */
  public static final MetricDefinition PROCESSING_LATENCY =
      new MetricDefinition(
          "salestalk.consume.latency",
          Kind.TIMER,
          List.of(CONSUMER, EVENT_TYPE),
          "event timestamp to handling done, with p95");

  /** Messages waiting in a dead-letter queue. */
  public static final MetricDefinition DLQ_DEPTH =
      new MetricDefinition(
          "salestalk.queue.dlq.depth",
          Kind.GAUGE,
          List.of(QUEUE),
          "messages waiting in a dead-letter queue");

  /**
   * The quality score (0 to 1, 1 = nothing found) of each upload's data-quality check, recorded by
   * the validation consumer once per report; its average is the mean score of the uploads checked.
   */
  public static final MetricDefinition QUALITY_SCORE =
      new MetricDefinition(
          "salestalk.validation.score",
          Kind.SUMMARY,
          List.of(CHECK),
          "quality score (0 to 1) of a data-quality check, one per upload checked");

  private SalesTalkMetrics() {}

  /** Every metric, in the order above. */
  public static List<MetricDefinition> all() {
    return List.of(
        PUBLISHED,
        REJECTED,
        PUBLISH_FAILED,
        PUBLISH_LATENCY,
        BILLABLE_CHUNKS,
        OUTBOX_BACKLOG,
        OUTBOX_OLDEST_AGE,
        OUTBOX_PARKED,
        PROCESSED,
        DUPLICATE,
        CONSUME_FAILED,
        INVALID,
        PROCESSING_LATENCY,
        DLQ_DEPTH,
        QUALITY_SCORE);
  }

  /**
   * Every CloudWatch metric the apps emit in {@link #NAMESPACE}: {@link
   * MetricDefinition#cloudWatchMetrics()} of each definition, in the order of {@link #all()}.
   */
  public static List<CloudWatchMetric> cloudWatchMetrics() {
    return all().stream().flatMap(d -> d.cloudWatchMetrics().stream()).toList();
  }
}
