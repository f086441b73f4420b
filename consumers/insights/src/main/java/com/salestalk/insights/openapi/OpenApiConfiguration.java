package com.salestalk.insights.openapi;

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
  OpenAPI insightsOpenApi() {
    SecurityScheme apiKey =
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-Api-Key")
            .description("The tenant's API key (stk_…)");
    Info info =
        new Info()
            .title("SalesTalk insights")
            .version("v1")
            .description(
                "What the chat's intent classifications say, per tenant and UTC day. Every error"
                    + " is RFC 9457 application/problem+json with a stable type URI under"
                    + " https://salestalk.dev/problems/.");
    return new OpenAPI()
        .info(info)
        .components(new Components().addSecuritySchemes("apiKey", apiKey));
  }
}
