package com.salestalk.analytics;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts analytics (port 8094 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(AnalyticsApplication.class, args);
  }

  /** UTC wall clock for the consumer's leases and latency. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
