package com.salestalk.validation.checks;

import java.util.ArrayList;
import java.util.List;

/** Keeps the first items added, up to a maximum, and counts them all. */
final class Bounded<T> {

  private final int max;
  private final List<T> items = new ArrayList<>();
  private long total;

  Bounded(int max) {
    this.max = max;
  }

  void add(T item) {
    total++;
    if (items.size() < max) {
      items.add(item);
    }
  }

  /** Whether the next {@link #add} will be kept. */
  boolean keepsNext() {
    return items.size() < max;
  }

  /** Counts one more without keeping it. */
  void count() {
    total++;
  }

  List<T> items() {
    return List.copyOf(items);
  }

  long total() {
    return total;
  }
}
