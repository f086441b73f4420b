package com.salestalk.eventcontracts.versioning;

import com.salestalk.eventcontracts.envelope.EnvelopeJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The release record ({@code schemas/released.json}): the SHA-256 of every released schema
 * revision, so a revision changed in place after release is caught, and the sunset date of each
 * type, so a type is removed from the catalog only after its sunset.
 *
 * @param types per event type name, its released revisions and sunset date
 */
public record ReleasedSchemas(Map<String, ReleasedType> types) {

  /** Classpath location of the release record. */
  public static final String RESOURCE = "com/salestalk/eventcontracts/schemas/released.json";

  /**
   * One released event type.
   *
   * @param revisions SHA-256 (hex) of each released revision's schema file, by revision {@code N.M}
   * @param sunsetOn the type's sunset date, or {@code null} while it has none
   */
  public record ReleasedType(Map<String, String> revisions, LocalDate sunsetOn) {}

  /** Reads the record shipped on the classpath. */
  public static ReleasedSchemas classpath() {
    return fromTree(
        EnvelopeJson.readResource(RESOURCE)
            .orElseThrow(() -> new IllegalStateException("missing " + RESOURCE)));
  }

  /** Reads a release record. */
  public static ReleasedSchemas read(InputStream in) {
    return fromTree(EnvelopeJson.mapper().readTree(in));
  }

  private static ReleasedSchemas fromTree(JsonNode root) {
    Map<String, ReleasedType> types = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> type : root.properties()) {
      Map<String, String> revisions = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> revision :
          type.getValue().required("revisions").properties()) {
        revisions.put(revision.getKey(), revision.getValue().asString());
      }
      JsonNode sunset = type.getValue().get("sunsetOn");
      types.put(
          type.getKey(),
          new ReleasedType(
              revisions,
              sunset == null || sunset.isNull() ? null : LocalDate.parse(sunset.asString())));
    }
    return new ReleasedSchemas(types);
  }

  /** SHA-256 (hex) of a schema file, line endings normalised. */
  public static String fingerprint(String schemaText) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(schemaText.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
