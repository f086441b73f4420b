package com.salestalk.metricdata.rows;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes accepted rows as gzip-compressed JSON Lines, one object per row: {@code {"row": 2, "date":
 * "2026-01-31", "metric": "revenue", "value": 1234.50, "dimensions": {"region": "EU"}}}. Cells are
 * written as they came (JSON needs no CSV-injection neutralisation).
 */
public final class NormalizedRowsWriter {

  /** The object's content type. */
  public static final String CONTENT_TYPE = "application/x-ndjson";

  /** The object's content encoding. */
  public static final String CONTENT_ENCODING = "gzip";

  private final GZIPOutputStream gzip;
  private final JsonGenerator json;

  /**
   * @param out where the compressed rows go; left open by {@link #finish()}
   * @param mapper the JSON mapper
   */
  public NormalizedRowsWriter(OutputStream out, JsonMapper mapper) throws IOException {
    // The fastest level: compressing must not be what an upload waits for (about 5× smaller still).
    this.gzip =
        new GZIPOutputStream(out, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        };
    this.json = mapper.writer().withRootValueSeparator("\n").createGenerator(gzip);
  }

  /** Writes one row. */
  public void write(NormalizedRow row) {
    json.writeStartObject();
    json.writeNumberProperty("row", row.row());
    json.writeStringProperty("date", row.date());
    json.writeStringProperty("metric", row.metric());
    json.writeName("value");
    json.writeNumber(row.value());
    json.writeObjectPropertyStart("dimensions");
    for (Map.Entry<String, String> dimension : row.dimensions().entrySet()) {
      json.writeStringProperty(dimension.getKey(), dimension.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Flushes everything and ends the gzip stream (the stream underneath stays open). */
  public void finish() throws IOException {
    json.writeRaw('\n');
    json.flush();
    gzip.finish();
    gzip.flush();
  }
}
