package com.salestalk.awsemulator;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where settings come from: system properties first, then environment variables. A seam so tests
 * can resolve settings without touching the JVM's global state.
 */
record Environment(UnaryOperator<String> properties, UnaryOperator<String> variables) {

  static Environment system() {
    return new Environment(System::getProperty, System::getenv);
  }

  static Environment of(Map<String, String> properties, Map<String, String> variables) {
    return new Environment(properties::get, variables::get);
  }

  /**
   * The system property if set and not blank, else the environment variable if set and not blank.
   */
  Optional<String> value(String property, String variable) {
    return property(property).or(() -> variable(variable));
  }

  Optional<String> property(String name) {
    return nonBlank(properties.apply(name));
  }

  Optional<String> variable(String name) {
    return nonBlank(variables.apply(name));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
