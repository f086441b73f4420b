package com.salestalk.servicekit.auth;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Admin bearer-token and tenant API-key authentication for handlers annotated {@link AdminApi} /
 * {@link TenantApi}, the {@link AuthenticatedTenant} parameter resolver, the DynamoDB key lookup
 * (when a {@link DynamoDbClient} bean exists) and the startup check that every API endpoint
 * declares its access.
 */
@AutoConfiguration(afterName = "com.salestalk.eventaws.clients.AwsClientsAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({AdminProperties.class, TenantAuthProperties.class})
public class AuthAutoConfiguration {

  /** Path prefix under which every endpoint must declare its access. */
  public static final String API_PREFIX = "/api/";

  @Bean
  AdminTokenVerifier adminTokenVerifier(AdminProperties properties) {
    return new AdminTokenVerifier(properties);
  }

  @Bean
  AccessDeclarationCheck accessDeclarationCheck(
      ObjectProvider<RequestMappingHandlerMapping> mappings,
      AdminTokenVerifier admin,
      ObjectProvider<TenantApiKeyLookup> tenants) {
    return new AccessDeclarationCheck(mappings, admin, tenants, API_PREFIX);
  }

  @Bean
  WebMvcConfigurer salestalkAuthentication(
      AdminTokenVerifier admin,
      ObjectProvider<TenantApiKeyLookup> tenants,
      TenantAuthProperties properties) {
    AuthenticationInterceptor interceptor =
        new AuthenticationInterceptor(
            admin,
            new CachingTenantApiKeyLookup(
                tenants,
                properties.cacheTtl(),
                properties.negativeCacheTtl(),
                properties.cacheSize()));
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
      }

      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedTenantResolver());
      }
    };
  }

  /** The DynamoDB lookup (the interceptor puts a cache in front of it). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DynamoDbClient.class)
  static class DynamoDbLookupConfiguration {
    @Bean
    @ConditionalOnMissingBean
    TenantApiKeyLookup tenantApiKeyLookup(
        DynamoDbClient dynamoDb, TenantAuthProperties props, ObjectProvider<Clock> clock) {
      return new DynamoDbTenantApiKeyLookup(
          dynamoDb, props.table(), props.apiKeyIndex(), clock.getIfAvailable(Clock::systemUTC));
    }
  }
}
