package com.salestalk.chathandler;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts chat-handler (port 8081 unless {@code server.port} says otherwise). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatHandlerApplication {

  /** Runs the service. */
  public static void main(String[] args) {
    SpringApplication.run(ChatHandlerApplication.class, args);
  }

  /** UTC wall clock; periods are resolved from it in each tenant's own timezone. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
