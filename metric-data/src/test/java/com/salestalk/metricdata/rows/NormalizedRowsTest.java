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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
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

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
