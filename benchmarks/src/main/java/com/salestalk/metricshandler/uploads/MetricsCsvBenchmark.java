package com.salestalk.metricshandler.uploads;

import com.salestalk.benchmarks.Goal;
import com.salestalk.metricdata.rows.NormalizedRowsWriter;
import com.salestalk.testsupport.GeneratedMetricsCsv;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * metrics-handler's parse-and-check of an upload ({@code MetricsCsv}: UTF-8 check, FastCSV, the
 * header and every row checked and normalized) against FastCSV parsing alone of the same bytes (the
 * floor), per row. The file is {@link GeneratedMetricsCsv}'s, 100,000 rows in memory. It sits in
 * metrics-handler's package because {@code MetricsCsv} is package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx256m"})
@Threads(1)
public class MetricsCsvBenchmark {

  private static final int ROWS = 100_000;

  private final MetricsCsv csv = new MetricsCsv(new MetricsCsv.Limits(1_000_000, 50, 256, 1000));
  private final JsonMapper json = JsonMapper.builder().build();
  private byte[] file;

  /** The generated file. */
  @Setup
  public void setUp() throws IOException {
    try (InputStream in = new GeneratedMetricsCsv(ROWS).open()) {
      file = in.readAllBytes();
    }
  }

  /** The floor: FastCSV reads every record of the file (decoding UTF-8 as the subject does). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void floor(Blackhole sink) throws IOException {
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .ofCsvRecord(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
      for (CsvRecord record : reader) {
        sink.consume(record);
      }
    }
  }

  /** Parse and check, the accepted rows handed to a sink that discards them. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  @Goal(maxRatio = 2.0)
  public MetricsCsv.Result parseAndCheck(Blackhole sink) throws IOException {
    return csv.read(new ByteArrayInputStream(file), sink::consume);
  }

  /**
   * Parse and check, the accepted rows written as the upload writes them (JSON Lines, gzip) to a
   * stream that discards the bytes. Informational: it adds the writer's cost.
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public MetricsCsv.Result parseCheckAndWrite() throws IOException {
    NormalizedRowsWriter writer = new NormalizedRowsWriter(OutputStream.nullOutputStream(), json);
    MetricsCsv.Result result = csv.read(new ByteArrayInputStream(file), writer::write);
    writer.finish();
    return result;
  }
}
