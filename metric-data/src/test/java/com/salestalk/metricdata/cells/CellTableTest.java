package com.salestalk.metricdata.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class CellTableTest {

  private static final String TENANT = "tenant-acme";
  private static final UploadStamp UPLOAD = UploadStamp.of("upl-019000000000-bbbbbbbbbb");
  private static final YearMonth JULY = YearMonth.of(2025, 7);

  private final CellTable table = new CellTable("local-metric-cells");

  @Test
  void aMonthTotalIsWrittenUnderTheTenantsMetricOnlyOverAnOlderUpload() {
    MonthTotal total =
        new MonthTotal(
            "revenue",
            JULY,
            new CellStats(
                new BigDecimal("1234.50"), 3, new BigDecimal("-1"), new BigDecimal("1000")),
            List.of("product", "region"),
            UPLOAD);

    PutItemRequest put = table.put(TENANT, total);

    assertThat(put.tableName()).isEqualTo("local-metric-cells");
    assertThat(put.item().get("pk").s()).isEqualTo("tenant-acme#revenue");
    assertThat(put.item().get("sk").s()).isEqualTo("T#2025-07");
    assertThat(put.item().get("uploadId").s()).isEqualTo(UPLOAD.uploadId());
    assertThat(put.item().get("uploadedAt").n())
        .isEqualTo(Long.toString(UPLOAD.uploadedAt().toEpochMilli()));
    assertThat(put.conditionExpression())
        .isEqualTo("attribute_not_exists(pk) OR uploadId < :uploadId");
    assertThat(put.expressionAttributeValues())
        .isEqualTo(Map.of(":uploadId", AttributeValue.fromS(UPLOAD.uploadId())));
    assertThat(CellTable.total(put.item())).isEqualTo(total);
  }

  @Test
  void aBreakdownPageReadsBackAsWritten() {
    MonthBreakdown page =
        new MonthBreakdown(
            "revenue",
            JULY,
            "region",
            2,
            List.of(
                new BreakdownCell("", CellStats.of(new BigDecimal("7"))),
                new BreakdownCell(
                    "EU",
                    new CellStats(
                        new BigDecimal("10.5"), 2, BigDecimal.ONE, new BigDecimal("9.5")))),
            UPLOAD);

    PutItemRequest put = table.put(TENANT, page);

    assertThat(put.item().get("sk").s()).isEqualTo("D#region#2025-07#002");
    assertThat(CellTable.breakdown(put.item())).isEqualTo(page);
  }

  @Test
  void dimensionNamesAreEscapedSoNoTwoShareAKeyPrefix() {
    assertThat(CellTable.breakdownPrefix("a#2025-01")).isEqualTo("D#a%232025-01#");
    assertThat(CellTable.breakdownPrefix("50%~")).isEqualTo("D#50%25%7E#");
    assertThat(CellTable.breakdownPrefix("x".repeat(600)))
        .matches("D#~[0-9a-f]{64}#")
        .isNotEqualTo(CellTable.breakdownPrefix("x".repeat(601)));
  }

  @Test
  void breakdownQueriesCoverEveryPageOfTheirMonthsAndNoOtherDimension() {
    var query = table.breakdowns(TENANT, "revenue", "region", JULY, YearMonth.of(2025, 9));
    String from = query.expressionAttributeValues().get(":from").s();
    String to = query.expressionAttributeValues().get(":to").s();

    for (String inside : new String[] {"D#region#2025-07#000", "D#region#2025-09#999"}) {
      assertThat(inside.compareTo(from)).as(inside).isGreaterThanOrEqualTo(0);
      assertThat(inside.compareTo(to)).as(inside).isLessThanOrEqualTo(0);
    }
    for (String outside :
        new String[] {
          "D#region#2025-06#000", "D#region#2025-10#000", "D#regions#2025-07#000", "T#2025-07"
        }) {
      assertThat(outside.compareTo(from) >= 0 && outside.compareTo(to) <= 0).as(outside).isFalse();
    }
  }

  @Test
  void manyValuesAreCutIntoPagesThatFitAnItem() {
    List<BreakdownCell> cells = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      cells.add(
          new BreakdownCell(
              String.format("product-%05d", i) + "é".repeat(20), CellStats.of(BigDecimal.ONE)));
    }

    List<MonthBreakdown> pages = CellTable.pages("units", JULY, "product", cells, UPLOAD);

    assertThat(pages).hasSizeGreaterThan(1);
    assertThat(pages.stream().flatMap(p -> p.cells().stream()).toList()).isEqualTo(cells);
    for (int i = 0; i < pages.size(); i++) {
      MonthBreakdown page = pages.get(i);
      assertThat(page.page()).isEqualTo(i);
      int bytes =
          page.cells().stream()
              .mapToInt(c -> CellTable.utf8Length(c.value()) + CellTable.CELL_OVERHEAD_BYTES)
              .sum();
      assertThat(bytes).isLessThanOrEqualTo(CellTable.PAGE_BYTES);
    }
    assertThat(CellTable.pages("units", JULY, "product", cells.subList(0, 10), UPLOAD)).hasSize(1);
  }

  @Test
  void numbersAreKeptToThirtyEightSignificantDigits() {
    BigDecimal long40 = new BigDecimal("1234567890123456789012345678901234567891");
    MonthTotal total = new MonthTotal("m", JULY, CellStats.of(long40), List.of(), UPLOAD);

    assertThat(table.put(TENANT, total).item().get("sum").n())
        .isEqualTo("1234567890123456789012345678901234567900");
    MonthTotal exponent =
        new MonthTotal("m", JULY, CellStats.of(new BigDecimal("1E+3")), List.of(), UPLOAD);
    assertThat(table.put(TENANT, exponent).item().get("sum").n()).isEqualTo("1000");
  }

  @Test
  void coverageIsAddedAsSetsSoAnyOrderAndRepetitionGiveTheSameItem() {
    UpdateItemRequest update =
        table.addCoverage(TENANT, "revenue", List.of(JULY), List.of("region"));

    assertThat(update.key())
        .isEqualTo(
            Map.of("pk", AttributeValue.fromS(TENANT), "sk", AttributeValue.fromS("M#revenue")));
    assertThat(update.updateExpression())
        .isEqualTo("SET #metric = :metric ADD #months :months, #dimensions :dimensions");
    assertThat(table.addCoverage(TENANT, "revenue", List.of(JULY), List.of()).updateExpression())
        .isEqualTo("SET #metric = :metric ADD #months :months");
  }

  @Test
  void theTenantMarkerIsTheTenantsOwnItem() {
    var put = table.provisioned(TENANT, Instant.ofEpochMilli(42));

    assertThat(CellTable.isTenantMarker(put.item())).isTrue();
    assertThat(put.item().get("provisionedAt").n()).isEqualTo("42");
  }
}
