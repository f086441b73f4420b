package com.salestalk.metricdata.rows;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what {@link NormalizedRowsWriter} wrote, one row at a time: memory stays bounded by a row,
 * whatever the object's size.
 */
public final class NormalizedRowsReader {

  /** Where rows go. */
  @FunctionalInterface
  public interface RowConsumer {
    /** Takes one row. */
    void accept(NormalizedRow row) throws IOException;
  }

  private final JsonMapper mapper;

  /**
   * @param mapper the JSON mapper
   */
  public NormalizedRowsReader(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads every row of a compressed object and hands each to {@code rows}, in file order.
   *
   * @param compressed the object's bytes (gzip); closed when done
   * @return how many rows were read
   * @throws MalformedRowsException when the object is not gzip'd JSON Lines of rows
   * @throws IOException from the stream or the consumer
   */
  public long read(InputStream compressed, RowConsumer rows) throws IOException {
    long count = 0;
    try (InputStream in = new GZIPInputStream(compressed, 64 * 1024);
        JsonParser parser = mapper.createParser(in)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.START_OBJECT) {
          throw new MalformedRowsException("row " + (count + 1) + " is not a JSON object");
        }
        rows.accept(row(parser, count + 1));
        count++;
      }
    } catch (ZipException | EOFException e) {
      throw notGzip(e);
    } catch (JacksonIOException e) {
      if (e.getCause() instanceof ZipException || e.getCause() instanceof EOFException) {
        throw notGzip((IOException) e.getCause());
      }
      throw (IOException) e.getCause();
    } catch (JacksonException e) {
      throw new MalformedRowsException(
          "row " + (count + 1) + " is not valid JSON: " + e.getOriginalMessage());
    }
    return count;
  }

  private static MalformedRowsException notGzip(IOException e) {
    return new MalformedRowsException("not a complete gzip stream: " + e.getMessage());
  }

  private static NormalizedRow row(JsonParser parser, long ordinal) {
    Long row = null;
    String date = null;
    String metric = null;
    BigDecimal value = null;
    Map<String, String> dimensions = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "row" -> row = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
        case "date" -> date = token == JsonToken.VALUE_STRING ? parser.getString() : null;
        case "metric" -> metric = token == JsonToken.VALUE_STRING ? parser.getString() : null;
        case "value" -> value = token.isNumeric() ? parser.getDecimalValue() : null;
        case "dimensions" -> dimensions = dimensions(parser, token, ordinal);
        default -> parser.skipChildren(); // added later: readers ignore what they do not know
      }
    }
    if (row == null || date == null || metric == null || value == null || dimensions == null) {
      throw new MalformedRowsException(
          "row " + ordinal + " lacks one of row, date, metric, value, dimensions");
    }
    return new NormalizedRow(row, date, metric, value, dimensions);
  }

  private static Map<String, String> dimensions(JsonParser parser, JsonToken token, long ordinal) {
    if (token != JsonToken.START_OBJECT) {
      throw new MalformedRowsException("row " + ordinal + ": dimensions is not an object");
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw new MalformedRowsException("row " + ordinal + ": dimension " + name + " is not text");
      }
      dimensions.put(name, parser.getString());
    }
    return dimensions;
  }

  /** The object is not what {@link NormalizedRowsWriter} writes. */
  public static final class MalformedRowsException extends RuntimeException {
    MalformedRowsException(String message) {
      super(message);
    }
  }
}
