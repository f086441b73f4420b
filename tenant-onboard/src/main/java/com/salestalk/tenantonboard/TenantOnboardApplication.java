package com.salestalk.tenantonboard;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts tenant-onboard (port 8083 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenantOnboardApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(TenantOnboardApplication.class, args);
  }

  /** UTC wall clock for timestamps and expiry. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
