package com.salestalk.chathandler.understanding;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The question-understanding bean. */
@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

  @Bean
  QuestionUnderstanding questionUnderstanding(UnderstandingProperties properties, Clock clock) {
    return new QuestionUnderstanding(properties, clock);
  }
}
