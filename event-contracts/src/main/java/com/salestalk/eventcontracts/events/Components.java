package com.salestalk.eventcontracts.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and copies shared by the payload records' compact constructors. */
final class Components {

  private Components() {}

  /**
   * A component the schema requires.
   *
   * @throws IllegalArgumentException naming the property when {@code value} is null
   */
  static <T> T required(T value, String property) {
    if (value == null) {
      throw new IllegalArgumentException(property + " is required");
    }
    return value;
  }

  /**
   * A required, non-empty string.
   *
   * @throws IllegalArgumentException naming the property when {@code value} is null or empty
   */
  static String requiredText(String value, String property) {
    if (required(value, property).isEmpty()) {
      throw new IllegalArgumentException(property + " must not be empty");
    }
    return value;
  }

  /** An unmodifiable copy of a list the schema requires. */
  static <T> List<T> requiredList(List<T> value, String property) {
    return List.copyOf(required(value, property));
  }

  /** An unmodifiable copy of an optional list, or null. */
  static <T> List<T> copyOf(List<T> value) {
    return value == null ? null : List.copyOf(value);
  }

  /** An unmodifiable copy of a map that keeps its order (so JSON keeps it too), or null. */
  static <K, V> Map<K, V> copyOf(Map<K, V> value) {
    return value == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }
}
