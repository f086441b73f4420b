package com.salestalk.validation.checks;

import com.salestalk.metricdata.rows.NormalizedRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV-like fixture of {@code src/test/resources/fixtures}, turned into what metrics-handler would
 * have stored: {@code # uploaded <instant>} sets the upload time (other {@code #} lines are
 * comments), the header is {@code date,metric,value} and dimension columns, cells are split at
 * every comma, and a row whose value is not a number is rejected as at upload (its number goes into
 * the facts, the row does not).
 *
 * @param rows the normalized rows
 * @param facts what the event would say
 */
record Fixture(List<NormalizedRow> rows, UploadFacts facts) {

  static Fixture load(String name) {
    String text;
    try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant uploaded = null;
    String[] header = null;
    List<NormalizedRow> rows = new ArrayList<>();
    List<Long> rejected = new ArrayList<>();
    long number = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("# uploaded ")) {
        uploaded = Instant.parse(line.substring("# uploaded ".length()).strip());
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (header == null) {
        header = line.split(",", -1);
      } else {
        number++;
        String[] cells = line.split(",", -1);
        BigDecimal value;
        try {
          value = new BigDecimal(cells[2]);
        } catch (NumberFormatException e) {
          rejected.add(number);
          continue;
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 3; i < header.length; i++) {
          dimensions.put(header[i], cells[i]);
        }
        rows.add(new NormalizedRow(number, cells[0], cells[1], value, dimensions));
      }
    }
    if (uploaded == null) {
      throw new IllegalArgumentException(name + " has no '# uploaded' line");
    }
    return new Fixture(rows, new UploadFacts(rows.size(), rejected.size(), rejected, uploaded));
  }

  /** The report of these rows. */
  QualityReport check(CheckSettings settings) {
    UploadChecks checks = new UploadChecks(settings, facts);
    rows.forEach(checks::accept);
    return checks.finish();
  }
}
