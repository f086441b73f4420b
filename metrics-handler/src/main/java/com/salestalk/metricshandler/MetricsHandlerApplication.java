package com.salestalk.metricshandler;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts metrics-handler (port 8082 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetricsHandlerApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(MetricsHandlerApplication.class, args);
  }

  /** UTC wall clock for upload ids and timestamps. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
