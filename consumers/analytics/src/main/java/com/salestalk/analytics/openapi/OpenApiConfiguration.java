package com.salestalk.analytics.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, version and the two credentials (tenant API key, admin token) of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI analyticsOpenApi() {
    Components credentials =
        new Components()
            .addSecuritySchemes(
                "apiKey",
                new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name("X-Api-Key")
                    .description("The tenant's API key (stk_…)"))
            .addSecuritySchemes(
                "adminToken",
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("The admin token (salestalk.admin.token)"));
    return new OpenAPI()
        .info(
            new Info()
                .title("SalesTalk analytics")
                .version("v1")
                .description(
                    "Narrative quality and conversation statistics per tenant, and tenants by"
                        + " plan. Every error is RFC 9457 application/problem+json with a stable"
                        + " type URI under https://salestalk.dev/problems/."))
        .components(credentials);
  }
}
