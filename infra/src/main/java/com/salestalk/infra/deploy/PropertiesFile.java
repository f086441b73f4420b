package com.salestalk.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes {@code key=value} lines that both {@code java.util.Properties} and a shell loop read; the
 * file is replaced atomically so a reader never sees half of it.
 */
final class PropertiesFile {

  private PropertiesFile() {}

  static void write(Path file, String comment, Map<String, String> values) {
    StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
    values.forEach(
        (k, v) -> {
          if (v.indexOf('\n') >= 0 || v.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                "value of " + k + " cannot be written plainly: " + v);
          }
          text.append(k).append('=').append(v).append('\n');
        });
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
