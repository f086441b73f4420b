package com.salestalk.validation.checks;

import com.salestalk.metricdata.rows.NormalizedRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of one upload: hand it every normalized row ({@link #accept}), then take the report
 * ({@link #finish}). Definitions, thresholds and the status rules: docs/validation.md.
 *
 * <p>Memory: completeness, non-negative values and freshness are counted as rows pass; uniqueness,
 * gaps and outliers need each series' rows together, so every row leaves 20 bytes in primitive
 * columns ({@link RowColumns}) and every distinct series its key bytes ({@link SeriesKeys}: the
 * UTF-8 of its cells plus about 20 bytes); {@link SeriesChecks} says what finishing adds. Details
 * are bounded by {@link CheckSettings#maxDetails()}. One instance per upload; not thread-safe.
 */
public final class UploadChecks {

  private final CheckSettings settings;
  private final UploadFacts upload;
  private final RowColumns columns;
  private final SeriesKeys series = new SeriesKeys();
  private final Map<String, Boolean> nonNegative = new HashMap<>();
  private final Map<String, Bounded<Long>> emptyCells = new LinkedHashMap<>();
  private final Bounded<Finding> negatives;
  private long incompleteRows;
  private long nonNegativeRows;
  private int newestDay = Integer.MIN_VALUE;
  private int newestMonth = Integer.MIN_VALUE;

  /**
   * @param settings what the configurable checks hold the upload to
   * @param upload what the event says about it
   */
  public UploadChecks(CheckSettings settings, UploadFacts upload) {
    this.settings = settings;
    this.upload = upload;
    this.columns = new RowColumns(upload.acceptedRows());
    this.negatives = new Bounded<>(settings.maxDetails());
  }

  /**
   * Takes one row.
   *
   * @throws IllegalArgumentException if its date is not {@code YYYY-MM-DD} or {@code YYYY-MM}
   */
  public void accept(NormalizedRow row) {
    Grain grain = Grain.of(row.date());
    int period = grain.index(row.date());
    if (grain == Grain.DAY) {
      newestDay = Math.max(newestDay, period);
    } else {
      newestMonth = Math.max(newestMonth, period);
    }
    columns.add(
        series.id(row.metric(), grain, row.dimensions()),
        period,
        row.value().doubleValue(),
        row.row());
    boolean complete = true;
    for (Map.Entry<String, String> cell : row.dimensions().entrySet()) {
      if (cell.getValue().isBlank()) {
        complete = false;
        emptyCells
            .computeIfAbsent(cell.getKey(), column -> new Bounded<>(SeriesChecks.LISTED))
            .add(row.row());
      }
    }
    if (!complete) {
      incompleteRows++;
    }
    if (nonNegative.computeIfAbsent(row.metric(), settings::nonNegative)) {
      nonNegativeRows++;
      if (row.value().signum() < 0) {
        if (negatives.keepsNext()) {
          negatives.add(
              Finding.value(
                  row.metric(), row.date(), row.dimensions(), row.row(), row.value(), null));
        } else {
          negatives.count();
        }
      }
    }
  }

  /** The report of the rows taken. */
  public QualityReport finish() {
    SeriesChecks bySeries = new SeriesChecks(columns, series, settings.maxDetails()).run();
    return QualityReport.of(
        List.of(
            completeness(),
            bySeries.uniqueness(),
            bySeries.gaps(),
            nonNegativeValues(),
            bySeries.outliers(),
            freshness()));
  }

  /**
   * Completeness: the share of the file's data rows that are complete, i.e. were not rejected at
   * upload and have no empty dimension cell.
   */
  private CheckResult completeness() {
    long total = columns.size + upload.rejectedRows();
    long complete = columns.size - incompleteRows;
    Bounded<Finding> findings = new Bounded<>(settings.maxDetails());
    if (upload.rejectedRows() > 0) {
      List<Long> rows = upload.rejectedRowNumbers();
      findings.add(
          Finding.cells(
              null,
              upload.rejectedRows(),
              rows.subList(0, Math.min(rows.size(), SeriesChecks.LISTED)),
              "rejected at upload (the upload's rejections say why)"));
    }
    emptyCells.forEach(
        (column, rows) ->
            findings.add(Finding.cells(column, rows.total(), rows.items(), "empty cell")));
    boolean passed =
        BigDecimal.valueOf(complete)
                .compareTo(settings.minCompleteness().multiply(BigDecimal.valueOf(total)))
            >= 0;
    return CheckResult.of(
        CheckName.COMPLETENESS,
        passed,
        Ratios.of(complete, total),
        settings.minCompleteness(),
        Ratios.of(complete, total),
        findings);
  }

  /** Non-negative: how many values of the non-negative metrics are below 0. */
  private CheckResult nonNegativeValues() {
    return CheckResult.of(
        CheckName.NON_NEGATIVE,
        negatives.total() == 0,
        BigDecimal.valueOf(negatives.total()),
        BigDecimal.ZERO,
        Ratios.of(nonNegativeRows - negatives.total(), nonNegativeRows),
        negatives);
  }

  /**
   * Freshness: whole days from the end of the newest period (the day, or a month's last day) to the
   * upload's day (UTC).
   */
  private CheckResult freshness() {
    long maxAge = settings.freshnessMaxAge().toDays();
    Bounded<Finding> findings = new Bounded<>(1);
    if (columns.size == 0) {
      findings.add(Finding.stale(null, "the upload has no rows"));
      return CheckResult.of(
          CheckName.FRESHNESS, false, null, BigDecimal.valueOf(maxAge), BigDecimal.ZERO, findings);
    }
    LocalDate newestDayEnd =
        newestDay == Integer.MIN_VALUE ? LocalDate.MIN : Grain.DAY.lastDay(newestDay);
    LocalDate newestMonthEnd =
        newestMonth == Integer.MIN_VALUE ? LocalDate.MIN : Grain.MONTH.lastDay(newestMonth);
    boolean dayIsNewest = !newestDayEnd.isBefore(newestMonthEnd);
    LocalDate newestEnd = dayIsNewest ? newestDayEnd : newestMonthEnd;
    String newest = dayIsNewest ? Grain.DAY.format(newestDay) : Grain.MONTH.format(newestMonth);
    LocalDate uploaded = LocalDate.ofInstant(upload.uploadedAt(), ZoneOffset.UTC);
    long age = ChronoUnit.DAYS.between(newestEnd, uploaded);
    boolean passed = age <= maxAge;
    if (!passed) {
      findings.add(
          Finding.stale(
              newest,
              "the newest period ends on "
                  + newestEnd
                  + ", "
                  + age
                  + " days before the upload ("
                  + uploaded
                  + ")"));
    }
    return CheckResult.of(
        CheckName.FRESHNESS,
        passed,
        BigDecimal.valueOf(age),
        BigDecimal.valueOf(maxAge),
        passed ? BigDecimal.ONE : BigDecimal.ZERO,
        findings);
  }
}
