package com.salestalk.aggregation;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts aggregation (port 8092 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AggregationApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(AggregationApplication.class, args);
  }

  /** UTC wall clock: the current month of QTD and YTD, the consumer's leases. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
