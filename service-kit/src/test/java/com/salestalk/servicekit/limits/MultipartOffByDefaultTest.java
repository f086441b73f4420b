package com.salestalk.servicekit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.multipart.MultipartResolver;

class MultipartOffByDefaultTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MultipartAutoConfiguration.class))
          .withInitializer(
              context ->
                  new MultipartOffByDefault()
                      .postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

  @Test
  void anApplicationThatTakesNoUploadsDoesNotParseMultipart() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(MultipartResolver.class);
          assertThat(context).doesNotHaveBean(MultipartConfigElement.class);
        });
  }

  @Test
  void anApplicationThatTakesUploadsTurnsItOn() {
    runner
        .withPropertyValues("spring.servlet.multipart.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(MultipartResolver.class);
              assertThat(context).hasSingleBean(MultipartConfigElement.class);
            });
  }
}
