package com.salestalk.aggregation.openapi;

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
  OpenAPI aggregationOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("SalesTalk aggregation")
                .version("v1")
                .description(
                    "Summaries of the tenant's metrics, aggregated from its uploads. Every error is RFC 9457"
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
