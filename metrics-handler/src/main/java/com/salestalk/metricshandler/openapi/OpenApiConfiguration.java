package com.salestalk.metricshandler.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, version and the tenant API key scheme of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI metricsHandlerOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("SalesTalk metrics-handler")
                .version("v1")
                .description(
                    "CSV uploads of business metrics. Every error is RFC 9457"
                        + " application/problem+json with a stable type URI under"
                        + " https://salestalk.dev/problems/."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Api-Key")
                        .description("The tenant's API key (stk_…)")));
  }
}
