package com.salestalk.insights.classifications;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Keeps a day's samples at the newest {@code size}: given the sort keys a day holds (they sort by
 * time, newest last) and a new one, which of them to delete and whether the new one belongs.
 */
final class SampleWindow {

  private SampleWindow() {}

  /**
   * What to write for a new sample.
   *
   * @param keepNew whether the new sample is among the newest {@code size}
   * @param delete keys of held samples that are not
   */
  record Trim(boolean keepNew, List<String> delete) {}

  /**
   * @param held the keys the day holds (any order; may be more than {@code size} after concurrent
   *     writes, which this trims too)
   * @param newKey the new sample's key
   * @param size how many to keep
   */
  static Trim trim(List<String> held, String newKey, int size) {
    TreeSet<String> all = new TreeSet<>(Comparator.reverseOrder());
    all.addAll(held);
    all.add(newKey);
    List<String> kept = new ArrayList<>(all).subList(0, Math.min(size, all.size()));
    List<String> delete = held.stream().filter(k -> !kept.contains(k)).distinct().sorted().toList();
    return new Trim(kept.contains(newKey), delete);
  }
}
