package com.salestalk.servicekit.limits;

import com.salestalk.servicekit.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds JSON parsing for Spring's mapper (nesting depth from {@link HttpLimitsProperties}),
 * registers the body size filter and the strict JSON body check.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class LimitsAutoConfiguration {

  /**
   * Spring Boot's JSON mapper builder, with the same customizers Boot applies, on a factory whose
   * parsers enforce the configured nesting depth.
   */
  @Bean
  @Scope("prototype")
  @ConditionalOnMissingBean
  JsonMapper.Builder jsonMapperBuilder(
      ObjectProvider<JsonMapperBuilderCustomizer> customizers, HttpLimitsProperties limits) {
    JsonMapper.Builder builder =
        JsonMapper.builder(StrictJson.boundedFactory(limits.maxJsonDepth()));
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      HttpLimitsProperties limits, ProblemResponses problems) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(
            new BodySizeLimitFilter(limits.maxBodySize().toBytes(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.setName("salestalkBodySizeLimitFilter");
    return registration;
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  StrictJsonBodyAdvice strictJsonBodyAdvice(JsonMapper jsonMapper, HttpLimitsProperties limits) {
    return new StrictJsonBodyAdvice(jsonMapper, limits.maxJsonDepth());
  }
}
