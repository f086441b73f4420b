package com.salestalk.servicekit.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json for every error: the exception handler for requests Spring MVC handles and the
 * {@code /error} controller for the rest. Registered before Spring Boot's own so that these win.
 */
@AutoConfiguration(
    after = JacksonAutoConfiguration.class,
    before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
  ProblemExceptionHandler problemExceptionHandler() {
    return new ProblemExceptionHandler();
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /**
   * Replaces Spring Boot's problem mix-in with an ordered one: it has the same (lowest) order and
   * is registered after it, because this configuration runs after Jackson's.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  JsonMapperBuilderCustomizer problemJsonOrder() {
    return builder -> builder.addMixIn(ProblemDetail.class, ProblemJsonMixin.class);
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemResponses problemResponses(JsonMapper jsonMapper) {
    return new ProblemResponses(jsonMapper);
  }
}
