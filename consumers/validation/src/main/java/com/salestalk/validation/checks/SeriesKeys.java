package com.salestalk.validation.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct series of an upload, each numbered in the order of its first row. A series' key is
 * kept as bytes in one array: its grain, its metric and dimension columns as numbers of two small
 * dictionaries, and its cells in UTF-8, each cell prefixed by its length (so no cell content can
 * make two series share a key). A series costs the bytes of its cells plus about 20 bytes (offset,
 * hash, two slots of an open-addressing table kept at most half full): no object per series.
 */
final class SeriesKeys {

  private final Dictionary metrics = new Dictionary();
  private final Dictionary columns = new Dictionary();
  private byte[] bytes = new byte[4096];
  private int used;
  private int[] offsets = new int[1025];
  private int[] hashes = new int[1024];
  private int count;
  private int[] table = new int[2048]; // series id + 1; 0 = empty
  private final Buffer key = new Buffer();

  /** The number of the series of a row, new or known. */
  int id(String metric, Grain grain, Map<String, String> dimensions) {
    key.reset();
    key.write(grain.ordinal());
    key.writeNumber(metrics.number(metric));
    for (Map.Entry<String, String> cell : dimensions.entrySet()) {
      key.writeNumber(columns.number(cell.getKey()));
      byte[] value = cell.getValue().getBytes(StandardCharsets.UTF_8);
      key.writeNumber(value.length);
      key.write(value);
    }
    int hash = hash(key.bytes, key.size);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return add(hash, slot);
      }
      int id = entry - 1;
      if (hashes[id] == hash
          && Arrays.equals(bytes, offsets[id], offsets[id + 1], key.bytes, 0, key.size)) {
        return id;
      }
    }
  }

  /** How many series there are. */
  int count() {
    return count;
  }

  /** The grain of the series numbered {@code id}. */
  Grain grain(int id) {
    return Grain.values()[bytes[offsets[id]]];
  }

  /** The series numbered {@code id}. */
  Series series(int id) {
    Reader in = new Reader(bytes, offsets[id]);
    Grain grain = Grain.values()[in.read()];
    String metric = metrics.name(in.readNumber());
    Map<String, String> dimensions = new LinkedHashMap<>();
    while (in.at < offsets[id + 1]) {
      String column = columns.name(in.readNumber());
      int length = in.readNumber();
      dimensions.put(column, new String(bytes, in.at, length, StandardCharsets.UTF_8));
      in.at += length;
    }
    return new Series(metric, grain, Collections.unmodifiableMap(dimensions));
  }

  private int add(int hash, int slot) {
    int id = count++;
    if (used + key.size > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + key.size, bytes.length + (bytes.length >> 1)));
    }
    System.arraycopy(key.bytes, 0, bytes, used, key.size);
    used += key.size;
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    hashes[id] = hash;
    offsets[id + 1] = used;
    table[slot] = id + 1;
    if (count * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int id = 0; id < count; id++) {
      int slot = hashes[id] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }

  /** FNV-1a over the bytes, then murmur3's finalizer so that every bit reaches the low ones. */
  private static int hash(byte[] data, int length) {
    int h = 0x811c9dc5;
    for (int i = 0; i < length; i++) {
      h = (h ^ (data[i] & 0xff)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** Names (metrics, columns) by number: a handful per upload. */
  private static final class Dictionary {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int number(String name) {
      Integer number = numbers.get(name);
      if (number == null) {
        number = names.size();
        numbers.put(name, number);
        names.add(name);
      }
      return number;
    }

    String name(int number) {
      return names.get(number);
    }
  }

  /** The key of the row at hand, reused from row to row. */
  private static final class Buffer {
    byte[] bytes = new byte[256];
    int size;

    void reset() {
      size = 0;
    }

    void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    void write(byte[] data) {
      if (size + data.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + data.length, size * 2));
      }
      System.arraycopy(data, 0, bytes, size, data.length);
      size += data.length;
    }

    /** Seven bits a byte, the last byte without its high bit. */
    void writeNumber(int number) {
      while (number >= 0x80) {
        write((number & 0x7f) | 0x80);
        number >>>= 7;
      }
      write(number);
    }
  }

  private static final class Reader {
    final byte[] bytes;
    int at;

    Reader(byte[] bytes, int at) {
      this.bytes = bytes;
      this.at = at;
    }

    int read() {
      return bytes[at++] & 0xff;
    }

    int readNumber() {
      int number = 0;
      for (int shift = 0; ; shift += 7) {
        int b = read();
        number |= (b & 0x7f) << shift;
        if (b < 0x80) {
          return number;
        }
      }
    }
  }
}
