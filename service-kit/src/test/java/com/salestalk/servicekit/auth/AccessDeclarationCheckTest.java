package com.salestalk.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.limits.LimitsAutoConfiguration;
import com.salestalk.servicekit.problem.ProblemAutoConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The startup check refuses services whose endpoints do not say who may call them. */
class AccessDeclarationCheckTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  HttpMessageConvertersAutoConfiguration.class,
                  DispatcherServletAutoConfiguration.class,
                  WebMvcAutoConfiguration.class,
                  ProblemAutoConfiguration.class,
                  LimitsAutoConfiguration.class,
                  AuthAutoConfiguration.class))
          .withPropertyValues("salestalk.auth.tenant-api-keys.table=local-tenants");

  @RestController
  static class Undeclared {
    @GetMapping("/api/open")
    String open() {
      return "";
    }
  }

  @RestController
  static class UndeclaredOutsideApi {
    @GetMapping("/internal/thing")
    String thing() {
      return "";
    }
  }

  @RestController
  @AdminApi
  static class Admin {
    @GetMapping("/api/admin")
    String admin() {
      return "";
    }
  }

  @RestController
  @AdminApi
  static class AdminWantingTenant {
    @GetMapping("/api/confused")
    String confused(@AuthenticatedTenant TenantId tenant) {
      return tenant.value();
    }
  }

  @RestController
  @AdminApi
  static class Both {
    @TenantApi
    @PublicApi
    @GetMapping("/api/both")
    String both() {
      return "";
    }
  }

  @RestController
  @TenantApi
  static class Tenant {
    @GetMapping("/api/me")
    String me(@AuthenticatedTenant TenantId tenant) {
      return tenant.value();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Lookup {
    @Bean
    TenantApiKeyLookup lookup() {
      return hash -> Optional.empty();
    }
  }

  @Test
  void refusesAnApiEndpointWithoutAccessDeclaration() {
    runner
        .withUserConfiguration(Undeclared.class)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is under /api/ but declares no access"));
  }

  @Test
  void ignoresEndpointsOutsideTheApiPrefix() {
    runner
        .withUserConfiguration(UndeclaredOutsideApi.class)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void refusesAdminEndpointsWithoutAnAdminToken() {
    runner
        .withUserConfiguration(Admin.class)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                        "salestalk.admin.token is not set (or shorter than 16 characters)"));
  }

  @Test
  void refusesAShortAdminToken() {
    runner
        .withUserConfiguration(Admin.class)
        .withPropertyValues("salestalk.admin.token=too-short")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void acceptsAdminEndpointsWithAToken() {
    runner
        .withUserConfiguration(Admin.class)
        .withPropertyValues("salestalk.admin.token=0123456789abcdef")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void refusesAnAuthenticatedTenantOutsideATenantApi() {
    runner
        .withUserConfiguration(AdminWantingTenant.class)
        .withPropertyValues("salestalk.admin.token=0123456789abcdef")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("takes an @AuthenticatedTenant but is not a @TenantApi"));
  }

  @Test
  void refusesTwoAccessDeclarationsOnOneMethod() {
    runner
        .withUserConfiguration(Both.class)
        .withPropertyValues("salestalk.admin.token=0123456789abcdef")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("declares more than one access"));
  }

  @Test
  void refusesTenantEndpointsWithoutAKeyLookup() {
    runner
        .withUserConfiguration(Tenant.class)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has tenant endpoints but no TenantApiKeyLookup"));
  }

  @Test
  void acceptsTenantEndpointsWithAKeyLookup() {
    runner
        .withUserConfiguration(Tenant.class, Lookup.class)
        .run(context -> assertThat(context).hasNotFailed());
  }
}
