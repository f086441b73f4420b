package com.salestalk.metricshandler.uploads;

import com.salestalk.metricdata.rows.NormalizedRow;
import com.salestalk.servicekit.problem.FieldViolation;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a metrics CSV as a stream with FastCSV and checks it row by row: the header names the
 * columns (case-insensitive, trimmed; {@code date}, {@code metric} and {@code value} required,
 * every other column a dimension), each data row is normalized and handed to a {@link RowSink} or
 * rejected with its reason. Memory stays bounded: one record at a time, the first {@value
 * #KEPT_REJECTIONS} rejections and the distinct metric names (at most {@code maxMetrics}).
 *
 * <p>Problems of the file as a whole (empty, binary, not UTF-8, a broken header, an unclosed quote,
 * a row with more fields than the header, a limit) are thrown as {@code ProblemException}s.
 */
final class MetricsCsv {

  /** Rejections kept for the answer and the event. */
  static final int KEPT_REJECTIONS = 100;

  /** The longest metric name the event accepts. */
  static final int MAX_METRIC_LENGTH = 128;

  static final List<String> REQUIRED = List.of("date", "metric", "value");

  private static final int HEAD_BYTES = 64 * 1024;

  /**
   * @param maxRows most data rows
   * @param maxColumns most header columns
   * @param maxCellLength most characters per cell
   * @param maxMetrics most distinct metric names
   */
  record Limits(long maxRows, int maxColumns, int maxCellLength, int maxMetrics) {}

  /** Where accepted rows go. */
  @FunctionalInterface
  interface RowSink {
    void accept(NormalizedRow row) throws IOException;
  }

  /**
   * A rejected row.
   *
   * @param row its 1-based number among the data rows
   * @param reason why, naming the line and the cell
   */
  record Rejection(long row, String reason) {}

  /**
   * What a file held.
   *
   * @param rowCount data rows read
   * @param acceptedRows rows handed to the sink
   * @param rejectedRows rows rejected
   * @param rejections the first {@value #KEPT_REJECTIONS} rejections
   * @param metrics distinct metric names of the accepted rows
   * @param dimensions dimension columns, in header order
   * @param periodStart earliest date of the accepted rows
   * @param periodEnd latest date of the accepted rows
   */
  record Result(
      long rowCount,
      long acceptedRows,
      long rejectedRows,
      List<Rejection> rejections,
      List<String> metrics,
      List<String> dimensions,
      String periodStart,
      String periodEnd) {}

  private final Limits limits;

  MetricsCsv(Limits limits) {
    this.limits = limits;
  }

  /**
   * Reads the whole stream.
   *
   * @throws com.salestalk.servicekit.problem.ProblemException for a file that cannot be accepted
   * @throws IOException from the stream or the sink
   */
  Result read(InputStream input, RowSink sink) throws IOException {
    // FastCSV closes its reader at the end; the caller's stream stays open (it drains it).
    BufferedInputStream in =
        new BufferedInputStream(
            new FilterInputStream(input) {
              @Override
              public void close() {}
            },
            HEAD_BYTES);
    in.mark(HEAD_BYTES);
    byte[] head = in.readNBytes(HEAD_BYTES);
    in.reset();
    if (head.length == 0) {
      throw UploadProblems.invalidFile("the file is empty");
    }
    refuseBinary(head);
    int offset = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xef
        && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) {
      in.skipNBytes(3);
      offset = 3;
    }
    char separator = separator(head, offset);
    InputStreamReader reader =
        new InputStreamReader(
            new Utf8CheckingInputStream(in),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    Reading reading = new Reading(sink);
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .fieldSeparator(separator)
            .allowUnclosedQuote(false)
            .skipEmptyLines(true)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            // Lower than FastCSV's defaults: a record cannot grow past the limits it is checked
            // against (with room for quotes and separators); a larger one is cut off here.
            .maxBufferSize(Math.max(65536, 4 * limits.maxColumns() * (limits.maxCellLength() + 3)))
            .build(
                CsvRecordHandler.builder()
                    .maxFields(2 * limits.maxColumns())
                    .maxFieldSize(4 * limits.maxCellLength())
                    .maxRecordSize(4 * limits.maxColumns() * (limits.maxCellLength() + 3))
                    .build(),
                reader)) {
      for (CsvRecord record : csv) {
        reading.record(record);
      }
    } catch (CsvParseException e) {
      throw parseProblem(e, reading.lastLine);
    } catch (UncheckedIOException e) {
      throw problemOr(e.getCause());
    } catch (IOException e) {
      throw problemOr(e);
    }
    return reading.result();
  }

  private static void refuseBinary(byte[] head) {
    if (startsWith(head, 'P', 'K', 3, 4)) {
      throw UploadProblems.notText(
          "The file is a ZIP archive (or an Office document), not CSV text");
    }
    if (startsWith(head, 0x1f, 0x8b)) {
      throw UploadProblems.notText("The file is gzip-compressed, not CSV text");
    }
    if (startsWith(head, '%', 'P', 'D', 'F')) {
      throw UploadProblems.notText("The file is a PDF document, not CSV text");
    }
    for (byte b : head) {
      if (b == 0) {
        throw UploadProblems.notText("The file contains NUL bytes: it is binary, not CSV text");
      }
    }
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The separator of the header line: whichever of comma, semicolon and tab occurs most outside
   * quotes (a comma when none does).
   */
  static char separator(byte[] head, int offset) {
    String text = new String(head, offset, head.length - offset, StandardCharsets.UTF_8);
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  private RuntimeException parseProblem(CsvParseException e, long lastLine) {
    Throwable innermost = e;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    if (innermost instanceof IOException io) {
      return problemOr(io);
    }
    String message = innermost.getMessage() == null ? "unreadable CSV" : innermost.getMessage();
    if (message.contains("buffer size")) {
      // FastCSV reads a quoted field until its closing quote: one that never closes fills the
      // buffer (or reaches the end of the input).
      return UploadProblems.invalidFile(
          "a quoted field after line " + lastLine + " is never closed (unclosed quote)");
    }
    if (message.contains("max")) {
      return UploadProblems.tooLarge(
          message
              + " (the limits: "
              + limits.maxColumns()
              + " columns, "
              + limits.maxCellLength()
              + " characters per cell)");
    }
    return UploadProblems.invalidFile(message);
  }

  /** The problem for a file that is not UTF-8, or the I/O error itself. */
  private static RuntimeException problemOr(Throwable error) {
    if (error instanceof Utf8CheckingInputStream.NotUtf8Exception notUtf8) {
      return UploadProblems.invalidFile(
          "the file is not UTF-8 text: invalid bytes on line " + notUtf8.line());
    }
    if (error instanceof CharacterCodingException) {
      return UploadProblems.invalidFile("the file is not UTF-8 text");
    }
    return error instanceof RuntimeException runtime
        ? runtime
        : new UncheckedIOException(error instanceof IOException io ? io : new IOException(error));
  }

  /** A cell for a reason: in quotes, cut after 40 characters. */
  static String quote(String cell) {
    String shown = cell.length() > 40 ? cell.substring(0, 40) + "…" : cell;
    return "'" + shown + "'";
  }

  /** The state of one read. */
  private final class Reading {
    private final RowSink sink;
    private List<String> columns;
    private int dateColumn;
    private int metricColumn;
    private int valueColumn;
    private long lastLine;
    private long rowCount;
    private long accepted;
    private long rejected;
    private final List<Rejection> rejections = new ArrayList<>();
    // sorted once, for the result: a tree costs string comparisons on every row
    private final Set<String> metrics = new HashSet<>();
    private String[] dimensionNames;
    private int[] dimensionColumns;
    private String periodStart;
    private String periodEnd;

    Reading(RowSink sink) {
      this.sink = sink;
    }

    void record(CsvRecord record) throws IOException {
      lastLine = record.getStartingLineNumber();
      if (columns == null) {
        header(record);
        return;
      }
      rowCount++;
      if (rowCount > limits.maxRows()) {
        throw UploadProblems.tooLarge(
            "The file has more than " + limits.maxRows() + " data rows (the limit)");
      }
      int fields = record.getFieldCount();
      if (fields > columns.size()) {
        throw UploadProblems.invalidFile(
            "row "
                + rowCount
                + " (line "
                + lastLine
                + ") has "
                + fields
                + " fields; the header has "
                + columns.size());
      }
      for (int i = 0; i < fields; i++) {
        if (record.getField(i).length() > limits.maxCellLength()) {
          throw UploadProblems.invalidFile(
              "row "
                  + rowCount
                  + " (line "
                  + lastLine
                  + "), column '"
                  + columns.get(i)
                  + "': the cell has "
                  + record.getField(i).length()
                  + " characters; at most "
                  + limits.maxCellLength()
                  + " are allowed");
        }
      }
      String reason;
      if (fields < columns.size()) {
        reason = "the row has " + fields + " fields; the header has " + columns.size();
      } else {
        String date = record.getField(dateColumn).trim();
        String metric = record.getField(metricColumn);
        String value = record.getField(valueColumn).trim();
        reason = Cells.dateProblem(date);
        if (reason == null) {
          reason = metricProblem(metric);
        }
        if (reason == null) {
          BigDecimal decimal = Cells.decimal(value);
          if (decimal != null) {
            accept(record, date, metric, decimal);
            return;
          }
          reason =
              "value "
                  + quote(value)
                  + " is not a decimal number (digits, an optional sign, '.' as decimal point)";
        }
      }
      rejected++;
      if (rejections.size() < KEPT_REJECTIONS) {
        rejections.add(new Rejection(rowCount, "line " + lastLine + ": " + reason));
      }
    }

    private void header(CsvRecord record) {
      int count = record.getFieldCount();
      if (count > limits.maxColumns()) {
        throw UploadProblems.tooLarge(
            "The header has "
                + count
                + " columns; at most "
                + limits.maxColumns()
                + " are allowed");
      }
      List<String> names = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String name = record.getField(i).trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          throw UploadProblems.invalidFile("column " + (i + 1) + " of the header has no name");
        }
        if (name.length() > limits.maxCellLength()) {
          throw UploadProblems.invalidFile(
              "column "
                  + (i + 1)
                  + " of the header is longer than "
                  + limits.maxCellLength()
                  + " characters");
        }
        Integer earlier = seen.putIfAbsent(name, i + 1);
        if (earlier != null) {
          throw UploadProblems.invalidFile(
              "the column '"
                  + name
                  + "' appears twice in the header (columns "
                  + earlier
                  + " and "
                  + (i + 1)
                  + ")");
        }
        names.add(name);
      }
      List<String> missing = REQUIRED.stream().filter(r -> !seen.containsKey(r)).toList();
      if (!missing.isEmpty()) {
        throw UploadProblems.invalidFile(
            (missing.size() == 1 ? "the required column " : "the required columns ")
                + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                + (missing.size() == 1 ? " is" : " are")
                + " missing (the header has: "
                + String.join(", ", names)
                + "; separator "
                + separatorName(names)
                + ")");
      }
      columns = Collections.unmodifiableList(names);
      dateColumn = seen.get("date") - 1;
      metricColumn = seen.get("metric") - 1;
      valueColumn = seen.get("value") - 1;
      dimensionColumns =
          java.util.stream.IntStream.range(0, names.size())
              .filter(i -> i != dateColumn && i != metricColumn && i != valueColumn)
              .toArray();
      dimensionNames =
          java.util.Arrays.stream(dimensionColumns).mapToObj(names::get).toArray(String[]::new);
    }

    private String separatorName(List<String> names) {
      return names.size() == 1
          ? "not found: use comma, semicolon or tab between the columns"
          : "detected";
    }

    private static String metricProblem(String metric) {
      if (metric.isBlank()) {
        return "metric is empty";
      }
      if (metric.length() > MAX_METRIC_LENGTH) {
        return "metric is longer than " + MAX_METRIC_LENGTH + " characters";
      }
      return null;
    }

    private void accept(CsvRecord record, String date, String metric, BigDecimal value)
        throws IOException {
      if (metrics.add(metric) && metrics.size() > limits.maxMetrics()) {
        throw UploadProblems.invalidFile(
            "the file has more than " + limits.maxMetrics() + " distinct metrics");
      }
      String[] cells = new String[dimensionColumns.length];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = record.getField(dimensionColumns[i]);
      }
      sink.accept(
          new NormalizedRow(
              rowCount, date, metric, value, new DimensionMap(dimensionNames, cells)));
      accepted++;
      if (periodStart == null || date.compareTo(periodStart) < 0) {
        periodStart = date;
      }
      if (periodEnd == null || date.compareTo(periodEnd) > 0) {
        periodEnd = date;
      }
    }

    Result result() {
      if (columns == null) {
        throw UploadProblems.invalidFile("the file is empty");
      }
      if (rowCount == 0) {
        throw UploadProblems.invalidFile("the file has a header but no data rows");
      }
      if (accepted == 0) {
        throw UploadProblems.noAcceptedRows(
            rejected,
            rejections.stream()
                .limit(10)
                .map(r -> new FieldViolation("rows[" + r.row() + "]", r.reason()))
                .toList());
      }
      List<String> dimensions = new ArrayList<>(columns);
      dimensions.removeAll(REQUIRED);
      return new Result(
          rowCount,
          accepted,
          rejected,
          List.copyOf(rejections),
          List.copyOf(new TreeSet<>(metrics)),
          List.copyOf(dimensions),
          periodStart,
          periodEnd);
    }
  }
}
