package com.salestalk.metricshandler.uploads;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A row's dimension cells by column name, in header order, immutable: the names are the file's,
 * shared by all its rows, so a row holds only its cells (a {@code LinkedHashMap} per row was a
 * sixth of the cost of checking it).
 */
final class DimensionMap extends AbstractMap<String, String> {

  private final String[] names;
  private final String[] cells;

  /**
   * @param names the dimension columns (not copied: never changed by the caller)
   * @param cells the row's cells, one per name
   */
  DimensionMap(String[] names, String[] cells) {
    this.names = names;
    this.cells = cells;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : cells[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], cells[i]);
    }
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            Entry<String, String> entry = new SimpleImmutableEntry<>(names[next], cells[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }

  private int indexOf(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
