package com.salestalk.aggregation.ingest;

import com.salestalk.eventaws.consume.UnprocessableEventException;
import com.salestalk.eventcontracts.events.MetricsIngested;
import com.salestalk.metricdata.cells.CellTable;
import com.salestalk.metricdata.cells.UploadStamp;
import com.salestalk.metricdata.rows.NormalizedRowsReader;
import com.salestalk.metricdata.rows.NormalizedRowsReader.MalformedRowsException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aggregates one upload: streams its normalized rows from S3 (one row in memory at a time), folds
 * them into cells and writes those last-upload-wins (docs/aggregation.md). Writing the same upload
 * again, or an older one after a newer, changes nothing the newer set, so the handler is idempotent
 * by construction and its result independent of the order events arrive in.
 *
 * <p>An upload whose event or object is broken (an upload id without its time, an object key that
 * is not the upload's rows, an object that is not gzip'd JSON Lines of rows, a row count that
 * disagrees with the event, too many cells) throws {@link UnprocessableEventException}: the kit
 * dead-letters it at once with that reason. S3 and DynamoDB errors (a missing object included) are
 * thrown as they are: the event is redelivered, then dead-lettered.
 */
public final class UploadAggregator {

  private static final Logger LOG = LoggerFactory.getLogger(UploadAggregator.class);

  private final S3Client s3;
  private final String bucket;
  private final CellWriter writer;
  private final int maxCells;
  private final NormalizedRowsReader reader =
      new NormalizedRowsReader(JsonMapper.builder().build());

  /**
   * @param s3 reads the rows
   * @param bucket the uploads bucket
   * @param dynamo writes the cells
   * @param table the cells table
   * @param maxCells most cells one upload may make
   * @param writers runs the months' writes (its threads bound how many run at once)
   */
  public UploadAggregator(
      S3Client s3,
      String bucket,
      DynamoDbClient dynamo,
      CellTable table,
      int maxCells,
      Executor writers) {
    this.s3 = s3;
    this.bucket = bucket;
    this.writer = new CellWriter(dynamo, table, writers);
    this.maxCells = maxCells;
  }

  /**
   * What aggregating an upload did.
   *
   * @param rows rows read
   * @param cells cells made (month totals and dimension values)
   * @param items items written or refused (month totals and breakdown pages)
   * @param itemsWritten items written
   * @param itemsSkipped items refused because this or a newer upload had set them
   * @param reading time spent streaming and folding the rows
   * @param writing time spent writing the cells and the coverage
   */
  public record Aggregated(
      long rows,
      int cells,
      int items,
      int itemsWritten,
      int itemsSkipped,
      Duration reading,
      Duration writing) {}

  /**
   * Aggregates the upload {@code upload} of {@code tenantId}.
   *
   * @throws UnprocessableEventException when the event or its object is broken
   * @throws IOException when reading the object fails
   */
  public Aggregated aggregate(String tenantId, MetricsIngested upload) throws IOException {
    String uploadId = upload.uploadId().value();
    UploadStamp stamp;
    try {
      stamp = UploadStamp.of(uploadId);
    } catch (IllegalArgumentException e) {
      throw new UnprocessableEventException(e.getMessage());
    }
    // where metrics-handler puts the rows (docs/DATA_CONTRACTS.md); never another tenant's object
    String key = "tenants/" + tenantId + "/uploads/" + uploadId + ".rows.jsonl.gz";
    if (!key.equals(upload.objectKey())) {
      throw new UnprocessableEventException(
          "objectKey '"
              + upload.objectKey()
              + "' is not the upload's normalized rows '"
              + key
              + "'");
    }
    String object = "s3://" + bucket + "/" + key;
    CellFolder folder = new CellFolder(maxCells);
    long start = System.nanoTime();
    long rows;
    List<MonthCells> months;
    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      rows = reader.read(in, folder::add);
      months = folder.cells(stamp);
    } catch (MalformedRowsException | UnprocessableEventException e) {
      throw new UnprocessableEventException(object + ": " + e.getMessage(), e);
    }
    if (rows != upload.acceptedRows()) {
      throw new UnprocessableEventException(
          object
              + " has "
              + rows
              + " rows; metrics.ingested.v1 says "
              + upload.acceptedRows()
              + " were accepted");
    }
    long read = System.nanoTime();
    CellWriter.Written written = writer.write(tenantId, months, folder.coverage());
    Aggregated result =
        new Aggregated(
            rows,
            folder.cellCount(),
            written.items(),
            written.written(),
            written.skipped(),
            Duration.ofNanos(read - start),
            Duration.ofNanos(System.nanoTime() - read));
    LOG.info(
        "aggregated {} of {}: {} rows, {} cells in {} items ({} written, {} already set by it or a"
            + " newer upload); read {} ms, write {} ms",
        uploadId,
        tenantId,
        result.rows(),
        result.cells(),
        result.items(),
        result.itemsWritten(),
        result.itemsSkipped(),
        result.reading().toMillis(),
        result.writing().toMillis());
    return result;
  }
}
