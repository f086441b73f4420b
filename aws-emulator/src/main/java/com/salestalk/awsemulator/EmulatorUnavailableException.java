package com.salestalk.awsemulator;

import java.nio.file.Path;
import java.util.Optional;

/**
 * No AWS endpoint could be had for the tests. The message says how to get one; tests that need an
 * endpoint fail with it rather than being skipped.
 */
public final class EmulatorUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path logFile;

  EmulatorUnavailableException(String message, Path logFile, Throwable cause) {
    super(message, cause);
    this.logFile = logFile;
  }

  /**
   * The moto server log written while trying, if there is one.
   *
   * @return the log file
   */
  public Optional<Path> logFile() {
    return Optional.ofNullable(logFile);
  }
}
