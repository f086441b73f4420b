package com.salestalk.chathandler.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean and its properties. */
class UnderstandingConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(UnderstandingProperties.class)
  static class WithClock {
    @Bean
    Clock clock() {
      return PeriodResolutionTest.MAY_14_2026;
    }
  }

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(WithClock.class, UnderstandingConfiguration.class);

  @Test
  void bindsTheMarginAndTheSynonymsOverTheDefaults() {
    runner
        .withPropertyValues(
            "salestalk.understanding.clarify-margin=0.25",
            "salestalk.understanding.metric-synonyms.revenue=gmv,net sales")
        .run(
            context -> {
              UnderstandingProperties properties = context.getBean(UnderstandingProperties.class);
              assertThat(properties.clarifyMargin()).isEqualTo(0.25);
              assertThat(properties.metricSynonyms().get("revenue"))
                  .startsWith("sales", "sale", "bookings")
                  .endsWith("gmv", "net sales");
              assertThat(
                      context
                          .getBean(QuestionUnderstanding.class)
                          .understand("gmv last month", PeriodResolutionTest.TENANT)
                          .metrics())
                  .containsExactly("revenue");
            });
  }

  @Test
  void withoutPropertiesTheDefaultsApply() {
    runner.run(
        context -> {
          UnderstandingProperties properties = context.getBean(UnderstandingProperties.class);
          assertThat(properties.clarifyMargin()).isEqualTo(0.10);
          assertThat(properties.metricSynonyms())
              .isEqualTo(UnderstandingProperties.defaults().metricSynonyms());
        });
  }
}
