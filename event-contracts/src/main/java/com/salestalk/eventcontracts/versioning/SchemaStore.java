package com.salestalk.eventcontracts.versioning;

import com.salestalk.eventcontracts.catalog.EventCatalog;
import com.salestalk.eventcontracts.catalog.EventType;
import com.salestalk.eventcontracts.catalog.Revision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the data schema files of each released revision are read from. */
@FunctionalInterface
public interface SchemaStore {

  /** The text of one revision's data schema, if the file exists. */
  Optional<String> read(EventType type, Revision revision);

  /** The schemas shipped on the classpath. */
  static SchemaStore classpath() {
    return (type, revision) -> {
      String resource = EventCatalog.schemaResource(type, revision);
      try (InputStream in = SchemaStore.class.getClassLoader().getResourceAsStream(resource)) {
        return in == null
            ? Optional.empty()
            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** The schemas under a directory laid out as {@code <type>/<N.M>.schema.json}. */
  static SchemaStore directory(Path root) {
    return (type, revision) -> {
      Path file = root.resolve(type.toString()).resolve(revision + ".schema.json");
      try {
        return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
