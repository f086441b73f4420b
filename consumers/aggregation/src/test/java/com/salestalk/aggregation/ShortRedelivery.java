package com.salestalk.aggregation;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The listener's container factory with received messages invisible for 2 s instead of the queue's
 * 60 s, so a failing event is redelivered every 2 s and reaches the DLQ after its five receives in
 * seconds. Needs {@code salestalk.consumer.lease} of at most 2 s.
 */
@TestConfiguration
class ShortRedelivery {

  @Bean
  SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(
      SqsAsyncClient sqs) {
    return SqsMessageListenerContainerFactory.builder()
        .sqsAsyncClient(sqs)
        .configure(
            options ->
                options
                    .messageVisibility(Duration.ofSeconds(2))
                    .pollTimeout(Duration.ofSeconds(1))
                    .maxDelayBetweenPolls(Duration.ofSeconds(1)))
        .build();
  }
}
