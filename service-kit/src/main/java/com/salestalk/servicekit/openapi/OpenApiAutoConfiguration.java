package com.salestalk.servicekit.openapi;

import com.salestalk.servicekit.problem.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of a service with {@code salestalk.openapi.title} set: title, version {@code
 * v1}, the summary and where errors are described, the credentials as security schemes, and the
 * problem+json body ({@link Problem}) on every 4xx answer, so an operation lists its error statuses
 * without repeating the body's schema.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
@ConditionalOnProperty(prefix = OpenApiProperties.PREFIX, name = "title")
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

  static final String ERRORS =
      "Every error is RFC 9457 application/problem+json with a stable type URI under"
          + " https://salestalk.dev/problems/.";

  /** Title, version, description and security schemes. */
  @Bean
  OpenAPI salestalkOpenApi(OpenApiProperties properties) {
    Components components = new Components();
    if (properties.credentials().contains(OpenApiProperties.Credential.API_KEY)) {
      components.addSecuritySchemes(
          "apiKey",
          new SecurityScheme()
              .type(SecurityScheme.Type.APIKEY)
              .in(SecurityScheme.In.HEADER)
              .name("X-Api-Key")
              .description("The tenant's API key (stk_…)"));
    }
    if (properties.credentials().contains(OpenApiProperties.Credential.ADMIN_TOKEN)) {
      components.addSecuritySchemes(
          "adminToken",
          new SecurityScheme()
              .type(SecurityScheme.Type.HTTP)
              .scheme("bearer")
              .description("The admin token (salestalk.admin.token)"));
    }
    String description =
        properties.summary() == null ? ERRORS : properties.summary() + " " + ERRORS;
    return new OpenAPI()
        .info(new Info().title(properties.title()).version("v1").description(description))
        .components(components);
  }

  /** The problem+json body of every 4xx answer. */
  @Bean
  OpenApiCustomizer problemBodies() {
    return openApi -> {
      // springdoc's own schemas win where an operation already named Problem
      Components components = openApi.getComponents();
      ModelConverters.getInstance(true)
          .readAll(Problem.class)
          .forEach(
              (name, schema) -> {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                  components.addSchemas(name, schema);
                }
              });
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
