package com.salestalk.infra.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables and bucket that docs/DATA_CONTRACTS.md promises, read from its markdown. */
record DataContracts(Map<String, Table> tables, List<String> bucketNames) {

  private static final Pattern TABLE_IN_HEADING = Pattern.compile("`\\{env}-([a-z-]+)`");
  private static final Pattern HASH_ROW = Pattern.compile("\\| `(\\w+)` \\(hash key\\)");
  private static final Pattern RANGE_ROW = Pattern.compile("\\| `(\\w+)` \\(range key\\)");
  private static final Pattern HASH = Pattern.compile("(?<!GSI[^\\n]{0,80})hash `(\\w+)`");
  private static final Pattern RANGE = Pattern.compile("(?<!GSI[^\\n]{0,80})range `(\\w+)`");
  private static final Pattern GSI =
      Pattern.compile(
          "GSI `([\\w-]+)` \\(hash `(\\w+)`(?:, range `(\\w+)`)?"
              + "(?:, projection (ALL|KEYS_ONLY|INCLUDE((?:,? `\\w+`)+)))?");
  private static final Pattern QUOTED = Pattern.compile("`(\\w+)`");
  private static final Pattern TTL = Pattern.compile("\\| `(\\w+)` \\| N \\| TTL attribute");
  private static final Pattern BUCKET = Pattern.compile("S3 bucket `([^`]+)`");

  /**
   * One table.
   *
   * @param name its name without the {@code {env}-} prefix
   * @param hashKey hash key attribute
   * @param rangeKey range key attribute or null
   * @param indexes GSI name to [hash, range-or-null, projection]: {@code ALL} (also when the text
   *     names none), {@code KEYS_ONLY} or {@code INCLUDE a,b}
   * @param ttlAttribute TTL attribute or null
   */
  record Table(
      String name,
      String hashKey,
      String rangeKey,
      Map<String, List<String>> indexes,
      String ttlAttribute) {}

  static DataContracts read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    List<String> buckets = new ArrayList<>();
    for (String section : text.split("\n(?=## )")) {
      String heading = section.lines().findFirst().orElse("");
      Matcher bucket = BUCKET.matcher(heading);
      if (bucket.find()) {
        buckets.add(bucket.group(1));
      }
      List<String> names = new ArrayList<>();
      Matcher m = TABLE_IN_HEADING.matcher(heading);
      while (m.find()) {
        names.add(m.group(1));
      }
      if (names.size() == 1) {
        tables.put(names.get(0), table(names.get(0), section, section));
      } else {
        for (String name : names) {
          int start = section.indexOf("`" + name + "`:");
          if (start < 0) {
            throw new IllegalStateException("no key paragraph for table " + name);
          }
          int end = section.indexOf("\n`", start + 1);
          tables.put(
              name,
              table(name, section.substring(start, end < 0 ? section.length() : end), section));
        }
      }
    }
    return new DataContracts(tables, buckets);
  }

  private static Table table(String name, String keyText, String section) {
    String hash = first(HASH_ROW, keyText);
    if (hash == null) {
      hash = first(HASH, keyText);
    }
    String range = first(RANGE_ROW, keyText);
    if (range == null) {
      range = first(RANGE, keyText);
    }
    if (hash == null) {
      throw new IllegalStateException("no hash key found for table " + name);
    }
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    Matcher gsi = GSI.matcher(section);
    while (gsi.find()) {
      List<String> keys = new ArrayList<>();
      keys.add(gsi.group(2));
      keys.add(gsi.group(3));
      keys.add(projection(gsi.group(4), gsi.group(5)));
      indexes.put(gsi.group(1), keys);
    }
    return new Table(name, hash, range, indexes, first(TTL, section));
  }

  /** {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE a,b} from the text's projection. */
  private static String projection(String type, String included) {
    if (type == null) {
      return "ALL";
    }
    if (included == null) {
      return type;
    }
    List<String> attributes = new ArrayList<>();
    Matcher m = QUOTED.matcher(included);
    while (m.find()) {
      attributes.add(m.group(1));
    }
    return "INCLUDE " + String.join(",", attributes);
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
