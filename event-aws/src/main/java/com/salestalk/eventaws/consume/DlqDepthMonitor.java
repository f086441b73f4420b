package com.salestalk.eventaws.consume;

import com.salestalk.eventcontracts.metrics.SalesTalkMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The {@code salestalk.queue.dlq.depth} gauge of one DLQ, refreshed by {@link #refresh()}. */
final class DlqDepthMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(DlqDepthMonitor.class);

  private final SqsAsyncClient sqs;
  private final DeadLetterQueue dlq;
  private final AtomicLong depth = new AtomicLong();

  DlqDepthMonitor(SqsAsyncClient sqs, DeadLetterQueue dlq, MeterRegistry registry) {
    this.sqs = sqs;
    this.dlq = dlq;
    Gauge.builder(SalesTalkMetrics.DLQ_DEPTH.name(), depth, AtomicLong::get)
        .description(SalesTalkMetrics.DLQ_DEPTH.description())
        .tag(SalesTalkMetrics.QUEUE, dlq.name())
        .register(registry);
  }

  /** Reads {@code ApproximateNumberOfMessages} of the DLQ into the gauge. */
  void refresh() {
    try {
      String value =
          sqs.getQueueAttributes(
                  GetQueueAttributesRequest.builder()
                      .queueUrl(dlq.url())
                      .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                      .build())
              .join()
              .attributes()
              .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      if (value != null) {
        depth.set(Long.parseLong(value));
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot read the depth of {}: {}", dlq.name(), e.toString());
    }
  }

  long depth() {
    return depth.get();
  }
}
