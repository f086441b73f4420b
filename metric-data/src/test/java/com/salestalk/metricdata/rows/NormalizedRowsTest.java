package com.salestalk.metricdata.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class NormalizedRowsTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void rowsWrittenAreReadBackExactlyInFileOrder() throws IOException {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("region", "EU");
    dimensions.put("product", "=cmd|' /C calc'!A0");
    List<NormalizedRow> written =
        List.of(
            new NormalizedRow(1, "2026-01-31", "revenue", new BigDecimal("1234.50"), dimensions),
            new NormalizedRow(3, "2026-02", "deals_closed", new BigDecimal("-7"), Map.of()),
            new NormalizedRow(4, "2026-03", "revenue", new BigDecimal("1E+30"), Map.of()));

    List<NormalizedRow> read = roundTrip(written);

    assertThat(read).isEqualTo(written);
    assertThat(read.get(0).value().toPlainString()).isEqualTo("1234.50");
    assertThat(read.get(0).dimensions().keySet()).containsExactly("region", "product");
  }

  @Test
  void rowsAreWrittenByteForByteAsJacksonsGeneratorWritesThem() throws IOException {
    StringBuilder everyAscii = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      everyAscii.append(c);
    }
    // long enough to be encoded in several pieces, with surrogate pairs across every offset
    String longCell = "é€😀a".repeat(7000);
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("region", everyAscii.toString());
    dimensions.put("prod\"uct", "Zürich €5 😀 \u2028 =1+2");
    dimensions.put("long", longCell);
    List<NormalizedRow> rows =
        List.of(
            new NormalizedRow(1, "2026-01-31", "revenue", new BigDecimal("1234.50"), dimensions),
            new NormalizedRow(
                Long.MAX_VALUE, "2026-02", "a\tb", new BigDecimal("-0.0000001"), Map.of()),
            new NormalizedRow(3, "2026-03", "units", new BigDecimal("1E+30"), Map.of()),
            new NormalizedRow(4, "2026-03", "", new BigDecimal("-0"), Map.of("", "")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NormalizedRowsWriter writer = new NormalizedRowsWriter(out);
    for (NormalizedRow row : rows) {
      writer.write(row);
    }
    writer.finish();

    assertThat(gunzip(out.toByteArray())).isEqualTo(jacksonLines(rows));
  }

  @Test
  void aLoneSurrogateIsRefused() throws IOException {
    NormalizedRowsWriter writer = new NormalizedRowsWriter(new ByteArrayOutputStream());
    NormalizedRow row = new NormalizedRow(1, "2026-01", "re\ud800venue", BigDecimal.ONE, Map.of());

    assertThatThrownBy(() -> writer.write(row))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a string has a lone surrogate at index 2: it cannot be written as UTF-8");
  }

  @Test
  void anEmptyObjectHasNoRows() throws IOException {
    assertThat(roundTrip(List.of())).isEmpty();
  }

  @Test
  void unknownPropertiesAreIgnored() throws IOException {
    String line =
        "{\"row\":2,\"note\":{\"a\":[1]},\"date\":\"2026-01\",\"metric\":\"units\","
            + "\"value\":5,\"dimensions\":{}}\n";

    assertThat(read(gzip(line)))
        .containsExactly(new NormalizedRow(2, "2026-01", "units", new BigDecimal("5"), Map.of()));
  }

  @Test
  void bytesThatAreNotGzipAreRefusedWithAReason() {
    assertThatThrownBy(() -> read("date,metric,value\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NormalizedRowsReader.MalformedRowsException.class)
        .hasMessageStartingWith("not a complete gzip stream");
  }

  @Test
  void aTruncatedObjectIsRefused() throws IOException {
    byte[] whole =
        gzip("{\"row\":1,\"date\":\"2026-01\",\"metric\":\"m\",\"value\":1,\"dimensions\":{}}\n");
    byte[] truncated = Arrays.copyOf(whole, whole.length - 6);

    assertThatThrownBy(() -> read(truncated))
        .isInstanceOf(NormalizedRowsReader.MalformedRowsException.class)
        .hasMessageStartingWith("not a complete gzip stream");
  }

  @Test
  void aRowLackingAPartIsRefusedNamingTheRow() throws IOException {
    String lines =
        "{\"row\":1,\"date\":\"2026-01\",\"metric\":\"m\",\"value\":1,\"dimensions\":{}}\n"
            + "{\"row\":2,\"date\":\"2026-01\",\"metric\":\"m\",\"dimensions\":{}}\n";

    assertThatThrownBy(() -> read(gzip(lines)))
        .isInstanceOf(NormalizedRowsReader.MalformedRowsException.class)
        .hasMessage("row 2 lacks one of row, date, metric, value, dimensions");
  }

  @Test
  void brokenJsonIsRefusedNamingTheRow() throws IOException {
    assertThatThrownBy(() -> read(gzip("[1,2]\n")))
        .isInstanceOf(NormalizedRowsReader.MalformedRowsException.class)
        .hasMessage("row 1 is not a JSON object");
    assertThatThrownBy(() -> read(gzip("{\"row\":1,\"date\":\n")))
        .isInstanceOf(NormalizedRowsReader.MalformedRowsException.class)
        .hasMessageStartingWith("row 1 is not valid JSON: ");
  }

  private List<NormalizedRow> roundTrip(List<NormalizedRow> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NormalizedRowsWriter writer = new NormalizedRowsWriter(out, mapper);
    for (NormalizedRow row : rows) {
      writer.write(row);
    }
    writer.finish();
    return read(out.toByteArray());
  }

  private List<NormalizedRow> read(byte[] compressed) throws IOException {
    List<NormalizedRow> rows = new ArrayList<>();
    new NormalizedRowsReader(mapper).read(new ByteArrayInputStream(compressed), rows::add);
    return rows;
  }

  /** The rows as Jackson's generator writes them (how the writer wrote them before). */
  private byte[] jacksonLines(List<NormalizedRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = mapper.writer().withRootValueSeparator("\n").createGenerator(out)) {
      for (NormalizedRow row : rows) {
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
      json.writeRaw('\n');
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
