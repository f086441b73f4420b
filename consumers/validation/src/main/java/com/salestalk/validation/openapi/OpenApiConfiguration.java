package com.salestalk.validation.openapi;

import com.salestalk.servicekit.problem.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: title, the tenant API key scheme, and the problem+json body of every 4xx
 * answer (so operations list their error statuses without repeating the body's schema).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "SalesTalk validation",
            version = "v1",
            description =
                "Data-quality reports of uploads. Every error is RFC 9457 application/problem+json"
                    + " with a stable type URI under https://salestalk.dev/problems/."))
@SecurityScheme(
    name = "apiKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-Api-Key",
    description = "The tenant's API key (stk_…)")
class OpenApiConfiguration {

  @Bean
  OpenApiCustomizer problemBodies() {
    return openApi -> {
      ModelConverters.getInstance()
          .readAll(Problem.class)
          .forEach(openApi.getComponents()::addSchemas);
      Content problem =
          new Content()
              .addMediaType(
                  "application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation ->
                              operation
                                  .getResponses()
                                  .forEach(
                                      (status, response) -> {
                                        if (status.startsWith("4")) {
                                          response.setContent(problem);
                                        }
                                      })));
    };
  }
}
