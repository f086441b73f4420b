package com.salestalk.chathandler.answering;

import com.salestalk.chathandler.understanding.Grain;
import com.salestalk.chathandler.understanding.Period;
import com.salestalk.chathandler.understanding.QueryPlan;
import com.salestalk.chathandler.understanding.Ranking;
import com.salestalk.eventcontracts.events.Intent;
import com.salestalk.metricdata.cells.DimensionFigures;
import com.salestalk.metricdata.cells.MetricCoverage;
import com.salestalk.metricdata.cells.Summary;
import com.salestalk.metricdata.cells.TenantCoverage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.threeten.extra.LocalDateRange;

/**
 * Answers a query plan from the tenant's month cells with a narrative from templates per intent: a
 * lookup, a comparison of two periods, a month-by-month trend, a ranking by a dimension; a plain
 * "no data" pointing to the upload page; the plan's clarification as the question back. The
 * narrative quotes only figures it read, each listed in {@link Answer#metricsUsed()}, and {@link
 * Answer#grounded()} is computed from the text, never assumed.
 */
public final class Answerer {

  static final String UPLOAD_HINT = "Upload it on the upload page to ask about it.";
  public static final String NO_DATA_YET_TEXT =
      "There are no numbers for your account yet. Upload a CSV of your metrics on the upload page"
          + " and ask again.";
  static final String GREETING =
      "Hi! Ask me about your own numbers: a total, a comparison of two periods, a trend month by"
          + " month or a ranking, e.g. \"revenue last quarter\" or \"top regions by revenue this"
          + " year\".";
  static final String MONTHS_ONLY =
      "Your numbers are kept per month, so I can't answer for a single day or week. Ask about a"
          + " month, a quarter or a year.";

  /** Words of a metric name that make it money (shown in the tenant's currency). */
  private static final Set<String> MONEY_WORDS =
      Set.of(
          "revenue",
          "value",
          "amount",
          "size",
          "price",
          "cost",
          "costs",
          "refunds",
          "arr",
          "mrr",
          "sales",
          "bookings",
          "gmv",
          "income",
          "spend",
          "profit",
          "margin");

  private static final int RANKING_DEFAULT = 10;

  private final CellReader cells;

  public Answerer(CellReader cells) {
    this.cells = cells;
  }

  /**
   * @param tenantId the authenticated tenant
   * @param currency the tenant's currency, for the metrics that are money
   * @param plan what the question asks for
   */
  public Answer answer(String tenantId, Currency currency, QueryPlan plan) {
    return answer(tenantId, currency, plan, cells.coverage(tenantId));
  }

  /**
   * The same, with what the tenant has data for already read (the vocabulary the plan was made
   * against), so a message reads it once.
   *
   * @param coverage {@link CellReader#coverage} of the tenant
   */
  public Answer answer(
      String tenantId, Currency currency, QueryPlan plan, Optional<TenantCoverage> coverage) {
    if (plan.needsClarification()) {
      return text(plan.clarification(), plan);
    }
    String fixed =
        switch (plan.intent()) {
          case GREETING -> GREETING;
          case FORECAST ->
              "I can't forecast yet: I only quote your own numbers. Ask how a metric has trended"
                  + " month by month instead.";
          case ANOMALY_EXPLANATION ->
              "I can't explain causes yet: I only quote your own numbers. Ask how a metric compares"
                  + " with the period before, or for a breakdown by region or product.";
          case DEFINITION ->
              "Metrics mean what your uploads mean by them: I add up the values of each metric per"
                  + " month as uploaded.";
          case UNKNOWN ->
              "I can only answer questions about your own sales numbers, e.g. \"revenue last"
                  + " quarter\".";
          default -> null;
        };
    if (fixed != null) {
      return text(fixed, plan);
    }
    TenantCoverage data = coverage.filter(TenantCoverage::hasData).orElse(null);
    if (data == null) {
      return text(NO_DATA_YET_TEXT, plan);
    }
    if (plan.metrics().isEmpty()) {
      return text(
          "Which metric do you mean? Your metrics are "
              + joined(data.metrics().stream().map(m -> spoken(m.metric())).toList())
              + ".",
          plan);
    }
    if (plan.periods().stream().anyMatch(p -> p.grain() == Grain.DAY || p.grain() == Grain.WEEK)) {
      return text(MONTHS_ONLY, plan);
    }
    Narrative narrative = new Narrative(tenantId, currency);
    for (String metric : plan.metrics()) {
      MetricCoverage metricCoverage =
          data.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst().orElse(null);
      if (metricCoverage == null) {
        narrative.noData(metric, "");
        continue;
      }
      List<Period> periods =
          plan.periods().isEmpty() ? List.of(allData(metricCoverage)) : plan.periods();
      if (plan.dimension() != null
          && (plan.intent() == Intent.TOP_PERFORMERS || !(plan.trend() || plan.comparison()))) {
        narrative.ranking(metricCoverage, periods.get(0), plan.dimension(), plan.ranking());
      } else if (plan.trend()) {
        narrative.trend(metric, periods.get(0));
      } else if (periods.size() == 2) {
        narrative.comparison(metric, periods.get(0), periods.get(1));
      } else {
        narrative.lookup(metric, periods.get(0));
      }
    }
    return narrative.answer(plan);
  }

  private static Answer text(String text, QueryPlan plan) {
    return new Answer(text, List.of(), Grounding.grounded(text, List.of(), labels(plan)), null);
  }

  private static List<String> labels(QueryPlan plan) {
    return plan.periods().stream().map(Period::label).toList();
  }

  /** From the metric's first month with data to its last. */
  private static Period allData(MetricCoverage coverage) {
    YearMonth first = coverage.months().get(0);
    YearMonth last = coverage.months().get(coverage.months().size() - 1);
    return new Period(
        LocalDateRange.ofClosed(first.atDay(1), last.atEndOfMonth()),
        Grain.RANGE,
        "from " + monthLabel(first) + " to " + monthLabel(last));
  }

  /** The sentences of one answer and the figures they quote. */
  private final class Narrative {

    private final String tenantId;
    private final Currency currency;
    private final List<String> sentences = new ArrayList<>();
    private final List<MetricUsed> used = new ArrayList<>();
    private boolean missing;
    private Instant dataAsOf;

    Narrative(String tenantId, Currency currency) {
      this.tenantId = tenantId;
      this.currency = currency;
    }

    void lookup(String metric, Period period) {
      BigDecimal total = total(metric, period);
      if (total == null) {
        noData(metric, " " + in(period));
        return;
      }
      sentences.add(
          capitalized(spoken(metric)) + " " + in(period) + " was " + amount(metric, total) + ".");
      used(metric, period.label(), total, null);
    }

    void comparison(String metric, Period asked, Period reference) {
      BigDecimal current = total(metric, asked);
      BigDecimal before = total(metric, reference);
      if (current == null && before == null) {
        noData(metric, " " + in(asked) + " or " + in(reference));
        return;
      }
      if (current == null || before == null) {
        Period with = current == null ? reference : asked;
        Period without = current == null ? asked : reference;
        BigDecimal value = current == null ? before : current;
        sentences.add(
            capitalized(spoken(metric))
                + " was "
                + amount(metric, value)
                + " "
                + in(with)
                + "; there is no "
                + spoken(metric)
                + " data for "
                + without.label()
                + " to compare it with.");
        used(metric, with.label(), value, null);
        missing = true;
        return;
      }
      String change;
      BigDecimal growth = null;
      if (before.signum() == 0) {
        change = current.signum() == 0 ? "the same as " : "against ";
        change += amount(metric, before) + " " + in(reference);
      } else {
        growth = current.subtract(before).divide(before.abs(), MathContext.DECIMAL64);
        change =
            growth.signum() == 0
                ? "unchanged from " + reference.label()
                : (growth.signum() > 0 ? "up " : "down ")
                    + Amounts.percent(growth)
                    + " from "
                    + amount(metric, before)
                    + " "
                    + in(reference);
      }
      sentences.add(
          capitalized(spoken(metric))
              + " was "
              + amount(metric, current)
              + " "
              + in(asked)
              + ", "
              + change
              + ".");
      used(metric, asked.label(), current, null);
      used(metric, reference.label(), before, null);
      if (growth != null) {
        used(metric, asked.label() + " vs " + reference.label(), growth, null);
      }
    }

    void trend(String metric, Period period) {
      Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
      for (YearMonth month = YearMonth.from(period.start());
          !month.isAfter(YearMonth.from(period.end()));
          month = month.plusMonths(1)) {
        Summary summary = read(metric, com.salestalk.metricdata.cells.Period.month(month), null);
        if (summary.current().hasData()) {
          months.put(month, summary.current().total());
        }
      }
      if (months.isEmpty()) {
        noData(metric, " " + in(period));
        return;
      }
      List<String> parts = new ArrayList<>();
      months.forEach(
          (month, total) -> {
            parts.add(monthLabel(month) + " " + amount(metric, total));
            used(metric, monthLabel(month), total, null);
          });
      String sentence =
          capitalized(spoken(metric)) + " " + in(period) + ", month by month: " + joined(parts);
      YearMonth first = months.keySet().iterator().next();
      YearMonth last = months.keySet().stream().reduce((a, b) -> b).orElseThrow();
      BigDecimal from = months.get(first);
      BigDecimal to = months.get(last);
      if (!first.equals(last) && from.signum() != 0) {
        BigDecimal growth = to.subtract(from).divide(from.abs(), MathContext.DECIMAL64);
        sentence +=
            "; "
                + (growth.signum() == 0
                    ? "unchanged"
                    : (growth.signum() > 0 ? "up " : "down ") + Amounts.percent(growth))
                + " from "
                + monthLabel(first)
                + " to "
                + monthLabel(last);
        if (growth.signum() != 0) {
          used(metric, monthLabel(last) + " vs " + monthLabel(first), growth, null);
        }
      }
      sentences.add(sentence + ".");
    }

    void ranking(MetricCoverage coverage, Period period, String dimension, Ranking ranking) {
      String metric = coverage.metric();
      if (!coverage.dimensions().contains(dimension)) {
        sentences.add(
            "Your "
                + spoken(metric)
                + " data has no "
                + spoken(dimension)
                + " column to break it down by"
                + (coverage.dimensions().isEmpty()
                    ? "."
                    : "; its columns are "
                        + joined(coverage.dimensions().stream().map(Answerer::spoken).toList())
                        + "."));
        return;
      }
      Map<String, BigDecimal> byValue = new LinkedHashMap<>();
      for (com.salestalk.metricdata.cells.Period part : span(period)) {
        Summary summary = read(metric, part, dimension);
        for (DimensionFigures figures : summary.breakdown().values()) {
          byValue.merge(figures.value(), figures.stats().sum(), BigDecimal::add);
        }
      }
      if (byValue.isEmpty()) {
        noData(metric, " by " + spoken(dimension) + " " + in(period));
        return;
      }
      boolean lowestFirst = ranking != null && ranking.lowestFirst();
      Comparator<Map.Entry<String, BigDecimal>> byTotal = Map.Entry.comparingByValue();
      List<Map.Entry<String, BigDecimal>> ranked =
          byValue.entrySet().stream()
              .sorted(
                  (lowestFirst ? byTotal : byTotal.reversed())
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(ranking == null || ranking.limit() == null ? RANKING_DEFAULT : ranking.limit())
              .toList();
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, BigDecimal> entry : ranked) {
        String value = entry.getKey().isEmpty() ? "(no " + spoken(dimension) + ")" : entry.getKey();
        parts.add(value + " " + amount(metric, entry.getValue()));
        used(metric, period.label(), entry.getValue(), dimension + "=" + entry.getKey());
      }
      sentences.add(
          capitalized(spoken(metric))
              + " "
              + in(period)
              + " by "
              + spoken(dimension)
              + ", "
              + (lowestFirst ? "lowest" : "highest")
              + " first: "
              + joined(parts)
              + ".");
    }

    void noData(String metric, String where) {
      sentences.add("There is no " + spoken(metric) + " data" + where + ".");
      missing = true;
    }

    Answer answer(QueryPlan plan) {
      if (missing) {
        sentences.add(UPLOAD_HINT);
      }
      String text = String.join(" ", sentences);
      return new Answer(text, used, Grounding.grounded(text, used, labels(plan)), dataAsOf);
    }

    /** The metric's total over the period, or null without data. */
    private BigDecimal total(String metric, Period period) {
      BigDecimal total = null;
      for (com.salestalk.metricdata.cells.Period part : span(period)) {
        Summary summary = read(metric, part, null);
        if (summary.current().hasData()) {
          total = total == null ? summary.current().total() : total.add(summary.current().total());
        }
      }
      return total;
    }

    /** A summary, noting the newest upload behind the figures read. */
    private Summary read(
        String metric, com.salestalk.metricdata.cells.Period period, String dimension) {
      Summary summary = cells.summary(tenantId, metric, period, dimension);
      if (summary.dataAsOf() != null
          && (dataAsOf == null || summary.dataAsOf().isAfter(dataAsOf))) {
        dataAsOf = summary.dataAsOf();
      }
      return summary;
    }

    private void used(String metric, String period, BigDecimal value, String dimension) {
      used.add(new MetricUsed(metric, period, value, dimension));
    }

    private String amount(String metric, BigDecimal value) {
      return Amounts.format(value, isMoney(metric) ? currency : null);
    }
  }

  private static List<com.salestalk.metricdata.cells.Period> span(Period period) {
    return Spans.cover(YearMonth.from(period.start()), YearMonth.from(period.end()));
  }

  static boolean isMoney(String metric) {
    return Arrays.stream(metric.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .anyMatch(MONEY_WORDS::contains);
  }

  /** "in Q1 2026", "in the last 12 months", "since January 2026", "from … to …". */
  static String in(Period period) {
    String label = period.label();
    if (label.startsWith("since ") || label.startsWith("from ")) {
      return label;
    }
    if (label.startsWith("last ") || label.startsWith("rest ")) {
      return "in the " + label;
    }
    return "in " + label;
  }

  static String monthLabel(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }

  /** A name as a person reads it: {@code deals_closed} → "deals closed". */
  static String spoken(String name) {
    return name.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** "a", "a and b", "a, b and c". */
  static String joined(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", "))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
