package com.salestalk.validation;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts validation (port 8093 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidationApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(ValidationApplication.class, args);
  }

  /** UTC wall clock for the reports' times (and the consumer kit's leases). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
