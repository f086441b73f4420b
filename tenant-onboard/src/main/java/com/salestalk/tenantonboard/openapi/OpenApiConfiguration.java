package com.salestalk.tenantonboard.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, version and the admin bearer scheme of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI tenantOnboardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("SalesTalk tenant-onboard")
                .version("v1")
                .description(
                    "The tenant admin API. Every error is RFC 9457 application/problem+json with"
                        + " a stable type URI under https://salestalk.dev/problems/."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "adminToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The admin token (salestalk.admin.token)")));
  }
}
