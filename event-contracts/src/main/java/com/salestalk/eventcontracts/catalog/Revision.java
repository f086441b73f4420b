package com.salestalk.eventcontracts.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema revision {@code N.M}: N equals the {@code vN} of the event type, M counts
 * backward-compatible revisions of that schema.
 */
public record Revision(int major, int minor) implements Comparable<Revision> {

  private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})");

  /** Validates the numbers. */
  public Revision {
    if (major < 1 || minor < 0) {
      throw new IllegalArgumentException("revision must be N.M with N >= 1 and M >= 0");
    }
  }

  /** Parses {@code N.M}. */
  @JsonCreator
  public static Revision parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "revision '" + text + "' must have the form N.M, e.g. 1.0");
    }
    return new Revision(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The next backward-compatible revision. */
  public Revision nextMinor() {
    return new Revision(major, minor + 1);
  }

  @Override
  public int compareTo(Revision other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @JsonValue
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
