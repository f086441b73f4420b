package com.salestalk.eventaws.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventaws.autoconfigure.KitAutoConfigurations;
import com.salestalk.eventcontracts.events.ClassificationPerformed;
import io.awspring.cloud.sqs.listener.ListenerMode;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The consumer's beans from properties, and the listener container options the docs promise. */
class ConsumerAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      KitAutoConfigurations.runner()
          .withPropertyValues(
              "salestalk.consumer.name=insights",
              "salestalk.consumer.queue=local-insights",
              "salestalk.consumer.dedupe-table=local-idempotency");

  private final ApplicationContextRunner withHandlers =
      runner.withBean(
          EventHandlers.class,
          () ->
              EventHandlers.builder()
                  .on(ClassificationPerformed.class, (e, payload) -> {})
                  .build());

  @Test
  void definesNoConsumerWithoutHandlers() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(EventConsumer.class);
          assertThat(context).doesNotHaveBean(SqsEventListener.class);
        });
  }

  @Test
  void definesTheConsumerAndItsListenerWithHandlersAndAName() {
    withHandlers
        .withPropertyValues("spring.cloud.aws.sqs.listener.auto-startup=false")
        .run(
            context -> {
              assertThat(context.getBean(EventConsumer.class).consumer()).isEqualTo("insights");
              SqsEventListener listener = context.getBean(SqsEventListener.class);
              assertThat(listener.isAutoStartup()).isFalse();
              assertThat(listener.isRunning()).isFalse();
            });
  }

  @Test
  void springCloudAwsListenerPropertiesApplyAndAcknowledgementIsImmediateOnSuccess() {
    withHandlers
        .withPropertyValues(
            "spring.cloud.aws.sqs.listener.auto-startup=false",
            "spring.cloud.aws.sqs.listener.max-concurrent-messages=7",
            "spring.cloud.aws.sqs.listener.max-messages-per-poll=3",
            "spring.cloud.aws.sqs.listener.poll-timeout=4s",
            "spring.cloud.aws.sqs.listener.max-delay-between-polls=6s")
        .run(
            context -> {
              var container = context.getBean(SqsEventListener.class).container();
              SqsContainerOptions options = container.getContainerOptions();
              assertThat(container.getId()).isEqualTo("salestalk-insights");
              assertThat(container.getQueueNames()).containsExactly("local-insights");
              assertThat(options.getMaxConcurrentMessages()).isEqualTo(7);
              assertThat(options.getMaxMessagesPerPoll()).isEqualTo(3);
              assertThat(options.getPollTimeout()).isEqualTo(Duration.ofSeconds(4));
              assertThat(options.getMaxDelayBetweenPolls()).isEqualTo(Duration.ofSeconds(6));
              assertThat(options.getAcknowledgementMode())
                  .isEqualTo(AcknowledgementMode.ON_SUCCESS);
              // Spring Cloud AWS 4.1.0 picks its ImmediateAcknowledgementProcessor only for
              // exactly Duration.ZERO and a threshold of 0 (StandardSqsComponentFactory)
              assertThat(options.getAcknowledgementInterval()).isSameAs(Duration.ZERO);
              assertThat(options.getAcknowledgementThreshold()).isZero();
              assertThat(options.getListenerMode()).isEqualTo(ListenerMode.SINGLE_MESSAGE);
            });
  }

  @Test
  void withoutListenerPropertiesSpringCloudAwsDefaultsApply() {
    withHandlers
        .withPropertyValues("spring.cloud.aws.sqs.listener.auto-startup=false")
        .run(
            context -> {
              SqsContainerOptions options =
                  context.getBean(SqsEventListener.class).container().getContainerOptions();
              assertThat(options.getMaxConcurrentMessages()).isEqualTo(10);
              assertThat(options.getMaxMessagesPerPoll()).isEqualTo(10);
              assertThat(options.getPollTimeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(options.getListenerShutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
            });
  }

  @Test
  void aConsumerWithoutItsDedupeTableFailsWithTheMissingProperty() {
    withHandlers
        .withPropertyValues("salestalk.consumer.dedupe-table=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("salestalk.consumer.dedupe-table must be set"));
  }
}
