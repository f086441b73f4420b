package com.salestalk.metricshandler.uploads;

/** The file name an upload keeps: the part's name without a path or control characters. */
final class FileNames {

  static final int MAX_LENGTH = 255;
  static final String DEFAULT = "upload.csv";

  private FileNames() {}

  static String sanitise(String name) {
    if (name == null) {
      return DEFAULT;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean = base.replaceAll("\\p{Cntrl}", "").strip();
    if (clean.isEmpty()) {
      return DEFAULT;
    }
    return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
  }
}
