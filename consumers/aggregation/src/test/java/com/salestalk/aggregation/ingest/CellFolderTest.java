package com.salestalk.aggregation.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salestalk.eventaws.consume.UnprocessableEventException;
import com.salestalk.metricdata.cells.BreakdownCell;
import com.salestalk.metricdata.cells.CellStats;
import com.salestalk.metricdata.cells.MonthBreakdown;
import com.salestalk.metricdata.cells.MonthTotal;
import com.salestalk.metricdata.cells.UploadStamp;
import com.salestalk.metricdata.rows.NormalizedRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellFolderTest {

  private static final UploadStamp UPLOAD = UploadStamp.of("upl-019000000000-bbbbbbbbbb");
  private static final YearMonth JULY = YearMonth.of(2025, 7);
  private static final YearMonth AUGUST = YearMonth.of(2025, 8);

  private final CellFolder folder = new CellFolder(100);
  private long rowNumber;

  private void row(String date, String metric, String value, String... dimensions) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.length; i += 2) {
      map.put(dimensions[i], dimensions[i + 1]);
    }
    folder.add(new NormalizedRow(++rowNumber, date, metric, new BigDecimal(value), map));
  }

  private static CellStats stats(String sum, long count, String min, String max) {
    return new CellStats(new BigDecimal(sum), count, new BigDecimal(min), new BigDecimal(max));
  }

  private List<MonthCells> cells() {
    return folder.cells(UPLOAD).stream()
        .sorted(
            Comparator.comparing((MonthCells m) -> m.total().metric())
                .thenComparing(m -> m.total().month()))
        .toList();
  }

  @Test
  void rowsFoldIntoAMonthTotalAndOneCellPerDimensionValue() {
    row("2025-07-01", "revenue", "100.50", "region", "EU", "product", "Pro");
    row("2025-07-31", "revenue", "-20", "region", "US", "product", "Pro");
    row("2025-07", "revenue", "10", "region", "EU", "product", "");
    row("2025-08-15", "revenue", "5", "region", "EU");
    row("2025-07-02", "units", "3");

    List<MonthCells> cells = cells();

    assertThat(cells)
        .containsExactly(
            new MonthCells(
                new MonthTotal(
                    "revenue",
                    JULY,
                    stats("90.50", 3, "-20", "100.50"),
                    List.of("product", "region"),
                    UPLOAD),
                List.of(
                    new MonthBreakdown(
                        "revenue",
                        JULY,
                        "product",
                        0,
                        List.of(
                            new BreakdownCell("", CellStats.of(new BigDecimal("10"))),
                            new BreakdownCell("Pro", stats("80.50", 2, "-20", "100.50"))),
                        UPLOAD),
                    new MonthBreakdown(
                        "revenue",
                        JULY,
                        "region",
                        0,
                        List.of(
                            new BreakdownCell("EU", stats("110.50", 2, "10", "100.50")),
                            new BreakdownCell("US", CellStats.of(new BigDecimal("-20")))),
                        UPLOAD))),
            new MonthCells(
                new MonthTotal(
                    "revenue",
                    AUGUST,
                    CellStats.of(new BigDecimal("5")),
                    List.of("region"),
                    UPLOAD),
                List.of(
                    new MonthBreakdown(
                        "revenue",
                        AUGUST,
                        "region",
                        0,
                        List.of(new BreakdownCell("EU", CellStats.of(new BigDecimal("5")))),
                        UPLOAD))),
            new MonthCells(
                new MonthTotal("units", JULY, CellStats.of(new BigDecimal("3")), List.of(), UPLOAD),
                List.of()));
    assertThat(folder.cellCount()).isEqualTo(8);
    assertThat(cells.stream().mapToInt(MonthCells::cellCount).sum()).isEqualTo(8);
    assertThat(folder.coverage())
        .containsExactlyInAnyOrder(
            new Coverage("revenue", Set.of(JULY, AUGUST), Set.of("region", "product")),
            new Coverage("units", Set.of(JULY), Set.of()));
  }

  @Test
  void aDateThatIsNotAMonthOrADayIsRefusedNamingTheRow() {
    row("2025-07-01", "revenue", "1");
    for (String date :
        new String[] {
          "2025-13", "2025-00-01", "2025/07/01", "25-07-01", "2025-07-1", "2025-07-01T00"
        }) {
      assertThatThrownBy(() -> row(date, "revenue", "1"))
          .isInstanceOf(UnprocessableEventException.class)
          .hasMessage(
              "row " + rowNumber + ": the date '" + date + "' is not YYYY-MM-DD or YYYY-MM");
    }
  }

  @Test
  void anEmptyMetricIsRefused() {
    assertThatThrownBy(() -> row("2025-07", "", "1"))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessage("row 1 has an empty metric");
  }

  @Test
  void moreCellsThanTheLimitAreRefusedAtTheRowThatMakesOneTooMany() {
    CellFolder small = new CellFolder(3);
    small.add(new NormalizedRow(1, "2025-07", "m", BigDecimal.ONE, Map.of("region", "EU")));
    small.add(new NormalizedRow(2, "2025-07", "m", BigDecimal.ONE, Map.of("region", "EU")));
    small.add(new NormalizedRow(3, "2025-07", "m", BigDecimal.ONE, Map.of("region", "US")));

    assertThatThrownBy(
            () ->
                small.add(
                    new NormalizedRow(4, "2025-08", "m", BigDecimal.ONE, Map.of("region", "EU"))))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessage(
            "the upload makes more than 3 cells (metric x month x dimension value) by row 4"
                + " (salestalk.aggregation.max-cells)");
  }

  @Test
  void numbersDynamoDbCannotStoreAreRefused() {
    row("2025-07", "m", "9.9E+125");
    assertThatThrownBy(() -> row("2025-07", "m", "1E+126"))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessage("row 2: the value 1E+126 is beyond what the cells can store");
    assertThatThrownBy(() -> row("2025-07", "m", "1E-131"))
        .isInstanceOf(UnprocessableEventException.class);
    row("2025-07", "m", "9.9E+125");

    assertThatThrownBy(() -> folder.cells(UPLOAD))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessage("the sum of m in 2025-07 (1.98E+126) is beyond what the cells can store");
  }
}
