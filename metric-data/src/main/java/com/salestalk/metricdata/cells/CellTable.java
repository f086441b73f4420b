package com.salestalk.metricdata.cells;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@code {env}-metric-cells} table (docs/DATA_CONTRACTS.md): the only class that knows its keys
 * and attributes. Builds the requests that write cells (for aggregation) and reads items back into
 * the cell records (for {@link MetricCells}).
 *
 * <p>Items, all under hash {@code pk} and range {@code sk}:
 *
 * <ul>
 *   <li>{@code {tenantId}} / {@code TENANT}: the tenant was provisioned ({@code provisionedAt});
 *   <li>{@code {tenantId}} / {@code M#{metric}}: the months and dimensions a metric has data for
 *       (sets, only ever added to);
 *   <li>{@code {tenantId}#{metric}} / {@code T#{YYYY-MM}}: a {@link MonthTotal};
 *   <li>{@code {tenantId}#{metric}} / {@code D#{dimension}#{YYYY-MM}#{page}}: a {@link
 *       MonthBreakdown}.
 * </ul>
 *
 * <p>Month totals and breakdowns are written only if the item is absent or was set by an older
 * upload ({@code attribute_not_exists(pk) OR uploadId < :uploadId}): the newest upload wins each
 * item whatever the order of the writes, and the same upload written again changes nothing.
 */
public final class CellTable {

  /** Highest page number of one dimension's cells in one month. */
  public static final int MAX_PAGE = 999;

  /** DynamoDB keeps numbers to 38 significant digits. */
  public static final MathContext NUMBER_PRECISION = new MathContext(38);

  /** A page's cells stay under this many bytes (DynamoDB's item limit is 400 KB). */
  static final int PAGE_BYTES = 300_000;

  /** What a cell costs in a page besides its value's bytes: names, four numbers, overhead. */
  static final int CELL_OVERHEAD_BYTES = 120;

  static final String PK = "pk";
  static final String SK = "sk";
  static final String TENANT = "TENANT";
  private static final String METRIC_PREFIX = "M#";
  private static final String TOTAL_PREFIX = "T#";
  private static final String BREAKDOWN_PREFIX = "D#";
  private static final int MAX_KEY_PART_BYTES = 512;
  private static final String NEWER_THAN_ITEM =
      "attribute_not_exists(" + PK + ") OR uploadId < :uploadId";

  private final String name;

  /**
   * @param name the table's name (the stack output MetricCellsTableName)
   */
  public CellTable(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The table's name. */
  public String name() {
    return name;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Puts a month total unless the item was set by this or a newer upload (then the put fails with
   * {@code ConditionalCheckFailedException}, which means "nothing to do").
   */
  public PutItemRequest put(String tenantId, MonthTotal total) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(cellsKey(tenantId, total.metric())));
    item.put(SK, s(TOTAL_PREFIX + total.month()));
    item.put("metric", s(total.metric()));
    item.put("month", s(total.month().toString()));
    putStats(item, total.stats());
    item.put(
        "dimensions", AttributeValue.fromL(total.dimensions().stream().map(CellTable::s).toList()));
    return conditionalPut(item, total.upload());
  }

  /**
   * Puts one page of a month's breakdown unless the item was set by this or a newer upload (then
   * the put fails with {@code ConditionalCheckFailedException}).
   */
  public PutItemRequest put(String tenantId, MonthBreakdown breakdown) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(cellsKey(tenantId, breakdown.metric())));
    item.put(
        SK,
        s(
            breakdownPrefix(breakdown.dimension())
                + breakdown.month()
                + "#"
                + String.format(Locale.ROOT, "%03d", breakdown.page())));
    item.put("metric", s(breakdown.metric()));
    item.put("month", s(breakdown.month().toString()));
    item.put("dimension", s(breakdown.dimension()));
    List<AttributeValue> cells = new ArrayList<>(breakdown.cells().size());
    for (BreakdownCell cell : breakdown.cells()) {
      Map<String, AttributeValue> entry = new HashMap<>();
      entry.put("v", s(cell.value()));
      entry.put("s", n(cell.stats().sum()));
      entry.put("c", AttributeValue.fromN(Long.toString(cell.stats().count())));
      entry.put("mn", n(cell.stats().min()));
      entry.put("mx", n(cell.stats().max()));
      cells.add(AttributeValue.fromM(entry));
    }
    item.put("cells", AttributeValue.fromL(cells));
    return conditionalPut(item, breakdown.upload());
  }

  /**
   * Adds months and dimension columns to what a metric of the tenant is known to have (set union:
   * any order, any repetition, same result).
   */
  public UpdateItemRequest addCoverage(
      String tenantId, String metric, Collection<YearMonth> months, Collection<String> dimensions) {
    Map<String, String> names = new HashMap<>(Map.of("#metric", "metric", "#months", "months"));
    Map<String, AttributeValue> values =
        new HashMap<>(
            Map.of(
                ":metric",
                s(metric),
                ":months",
                AttributeValue.fromSs(months.stream().map(YearMonth::toString).toList())));
    String expression = "SET #metric = :metric ADD #months :months";
    if (!dimensions.isEmpty()) {
      names.put("#dimensions", "dimensions");
      values.put(":dimensions", AttributeValue.fromSs(List.copyOf(dimensions)));
      expression += ", #dimensions :dimensions";
    }
    return UpdateItemRequest.builder()
        .tableName(name)
        .key(Map.of(PK, s(tenantId), SK, s(METRIC_PREFIX + metric)))
        .updateExpression(expression)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  /**
   * The tenant's marker: it was provisioned, so "no data yet" is a state, not an unknown tenant.
   */
  public Put provisioned(String tenantId, Instant at) {
    return Put.builder()
        .tableName(name)
        .item(
            Map.of(
                PK,
                s(tenantId),
                SK,
                s(TENANT),
                "provisionedAt",
                AttributeValue.fromN(Long.toString(at.toEpochMilli()))))
        .build();
  }

  /**
   * A dimension's cells of one month cut into pages that each fit in an item.
   *
   * @param cells the cells, sorted by value
   * @throws IllegalArgumentException when they need more than {@link #MAX_PAGE} + 1 pages
   */
  public static List<MonthBreakdown> pages(
      String metric,
      YearMonth month,
      String dimension,
      List<BreakdownCell> cells,
      UploadStamp upload) {
    List<MonthBreakdown> pages = new ArrayList<>();
    List<BreakdownCell> page = new ArrayList<>();
    int bytes = 0;
    for (BreakdownCell cell : cells) {
      int size = utf8Length(cell.value()) + CELL_OVERHEAD_BYTES;
      if (!page.isEmpty() && bytes + size > PAGE_BYTES) {
        pages.add(new MonthBreakdown(metric, month, dimension, pages.size(), page, upload));
        page = new ArrayList<>();
        bytes = 0;
      }
      page.add(cell);
      bytes += size;
    }
    if (!page.isEmpty()) {
      pages.add(new MonthBreakdown(metric, month, dimension, pages.size(), page, upload));
    }
    return pages;
  }

  private PutItemRequest conditionalPut(Map<String, AttributeValue> item, UploadStamp upload) {
    item.put("uploadId", s(upload.uploadId()));
    item.put("uploadedAt", AttributeValue.fromN(Long.toString(upload.uploadedAt().toEpochMilli())));
    return PutItemRequest.builder()
        .tableName(name)
        .item(item)
        .conditionExpression(NEWER_THAN_ITEM)
        .expressionAttributeValues(Map.of(":uploadId", s(upload.uploadId())))
        .build();
  }

  private static void putStats(Map<String, AttributeValue> item, CellStats stats) {
    item.put("sum", n(stats.sum()));
    item.put("count", AttributeValue.fromN(Long.toString(stats.count())));
    item.put("min", n(stats.min()));
    item.put("max", n(stats.max()));
  }

  // ---------------------------------------------------------------- reads

  /** The tenant's marker and metric items. */
  QueryRequest tenantItems(String tenantId) {
    return QueryRequest.builder()
        .tableName(name)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", PK))
        .expressionAttributeValues(Map.of(":pk", s(tenantId)))
        .build();
  }

  /** The metric item of one metric. */
  GetItemRequest metricItem(String tenantId, String metric) {
    return GetItemRequest.builder()
        .tableName(name)
        .key(Map.of(PK, s(tenantId), SK, s(METRIC_PREFIX + metric)))
        .build();
  }

  /** The month totals of a metric from {@code from} through {@code to}. */
  QueryRequest totals(String tenantId, String metric, YearMonth from, YearMonth to) {
    return between(cellsKey(tenantId, metric), TOTAL_PREFIX + from, TOTAL_PREFIX + to);
  }

  /** The breakdown pages of a metric's dimension from {@code from} through {@code to}. */
  QueryRequest breakdowns(
      String tenantId, String metric, String dimension, YearMonth from, YearMonth to) {
    String prefix = breakdownPrefix(dimension);
    // '$' sorts right after '#': every page of the last month is below "{prefix}{to}$"
    return between(cellsKey(tenantId, metric), prefix + from + "#", prefix + to + "$");
  }

  private QueryRequest between(String pk, String fromSk, String toSk) {
    return QueryRequest.builder()
        .tableName(name)
        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
        .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(fromSk), ":to", s(toSk)))
        .build();
  }

  /** Whether an item of the tenant's is its provisioning marker. */
  static boolean isTenantMarker(Map<String, AttributeValue> item) {
    return TENANT.equals(item.get(SK).s());
  }

  static MetricCoverage coverage(Map<String, AttributeValue> item) {
    AttributeValue dimensions = item.get("dimensions");
    return new MetricCoverage(
        item.get("metric").s(),
        item.get("months").ss().stream().map(YearMonth::parse).sorted().toList(),
        dimensions == null ? List.of() : dimensions.ss().stream().sorted().toList());
  }

  static MonthTotal total(Map<String, AttributeValue> item) {
    return new MonthTotal(
        item.get("metric").s(),
        YearMonth.parse(item.get("month").s()),
        new CellStats(
            decimal(item.get("sum")),
            Long.parseLong(item.get("count").n()),
            decimal(item.get("min")),
            decimal(item.get("max"))),
        item.get("dimensions").l().stream().map(AttributeValue::s).toList(),
        stamp(item));
  }

  static MonthBreakdown breakdown(Map<String, AttributeValue> item) {
    List<BreakdownCell> cells = new ArrayList<>();
    for (AttributeValue cell : item.get("cells").l()) {
      Map<String, AttributeValue> m = cell.m();
      cells.add(
          new BreakdownCell(
              m.get("v").s(),
              new CellStats(
                  decimal(m.get("s")),
                  Long.parseLong(m.get("c").n()),
                  decimal(m.get("mn")),
                  decimal(m.get("mx")))));
    }
    String sk = item.get(SK).s();
    return new MonthBreakdown(
        item.get("metric").s(),
        YearMonth.parse(item.get("month").s()),
        item.get("dimension").s(),
        Integer.parseInt(sk.substring(sk.length() - 3)),
        cells,
        stamp(item));
  }

  private static UploadStamp stamp(Map<String, AttributeValue> item) {
    return new UploadStamp(
        item.get("uploadId").s(), Instant.ofEpochMilli(Long.parseLong(item.get("uploadedAt").n())));
  }

  // ---------------------------------------------------------------- keys

  /** Tenant ids have no '#', so the first '#' ends the tenant. */
  private static String cellsKey(String tenantId, String metric) {
    return tenantId + "#" + metric;
  }

  /**
   * {@code D#{dimension}#}: '%', '#' and '~' in the name are percent-escaped, so the next '#' ends
   * the name; a name too long for the key is replaced by {@code ~} and its SHA-256.
   */
  static String breakdownPrefix(String dimension) {
    StringBuilder escaped = new StringBuilder(dimension.length());
    for (int i = 0; i < dimension.length(); i++) {
      char c = dimension.charAt(i);
      switch (c) {
        case '%' -> escaped.append("%25");
        case '#' -> escaped.append("%23");
        case '~' -> escaped.append("%7E");
        default -> escaped.append(c);
      }
    }
    String part = escaped.toString();
    if (utf8Length(part) > MAX_KEY_PART_BYTES) {
      part = "~" + sha256(dimension);
    }
    return BREAKDOWN_PREFIX + part + "#";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(BigDecimal value) {
    return AttributeValue.fromN(value.round(NUMBER_PRECISION).toPlainString());
  }

  private static BigDecimal decimal(AttributeValue value) {
    return new BigDecimal(value.n());
  }
}
