package com.salestalk.insights;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts insights (port 8091 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InsightsApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(InsightsApplication.class, args);
  }

  /** UTC wall clock for the consumer's leases and latency. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
