package com.salestalk.chathandler.understanding;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How questions are understood.
 *
 * @param clarifyMargin the top intent's confidence must beat the runner-up's by at least this much,
 *     otherwise the plan asks which of the two was meant (default 0.10)
 * @param metricSynonyms words users say for a metric, keyed by the metric's name; they apply only
 *     to a tenant that has a metric of that name, and add to the defaults below
 * @param dimensionSynonyms the same for dimensions
 */
@ConfigurationProperties(UnderstandingProperties.PREFIX)
public record UnderstandingProperties(
    Double clarifyMargin,
    Map<String, List<String>> metricSynonyms,
    Map<String, List<String>> dimensionSynonyms) {

  public static final String PREFIX = "salestalk.understanding";

  static final Map<String, List<String>> DEFAULT_METRIC_SYNONYMS =
      Map.ofEntries(
          Map.entry(
              "revenue",
              List.of(
                  "sales",
                  "sale",
                  "bookings",
                  "booked",
                  "turnover",
                  "income",
                  "takings",
                  "top line",
                  "money",
                  "sold",
                  "sell",
                  "selling")),
          Map.entry(
              "deals_closed",
              List.of(
                  "deals won",
                  "won deals",
                  "closed deals",
                  "deals closed",
                  "deal closed",
                  "closed won",
                  "wins",
                  "deals",
                  "deal count")),
          Map.entry(
              "units", List.of("units sold", "unit sales", "items sold", "volume", "quantity")),
          Map.entry(
              "churned_customers",
              List.of(
                  "churn",
                  "churned",
                  "customer churn",
                  "lost customers",
                  "customers lost",
                  "cancellations",
                  "customers churned")),
          Map.entry("refunds", List.of("refund", "refunded", "returns", "chargebacks")),
          Map.entry(
              "new_customers",
              List.of(
                  "new customer",
                  "new clients",
                  "new logos",
                  "new accounts",
                  "customer acquisition",
                  "acquired customers",
                  "customers acquired",
                  "signups",
                  "sign ups")),
          Map.entry("leads", List.of("prospects", "inquiries", "enquiries", "mqls")),
          Map.entry("pipeline_value", List.of("pipeline", "pipe", "open pipeline")),
          Map.entry(
              "average_deal_size",
              List.of(
                  "avg deal size",
                  "deal size",
                  "average deal",
                  "average order value",
                  "aov",
                  "average sale")),
          Map.entry(
              "win_rate",
              List.of("close rate", "closing rate", "conversion rate", "win ratio", "hit rate")));

  static final Map<String, List<String>> DEFAULT_DIMENSION_SYNONYMS =
      Map.ofEntries(
          Map.entry(
              "region", List.of("area", "territory", "territories", "geography", "geo", "market")),
          Map.entry("product", List.of("sku", "product line", "item")),
          Map.entry(
              "sales_rep",
              List.of(
                  "rep",
                  "sales rep",
                  "salesperson",
                  "salespeople",
                  "sales people",
                  "seller",
                  "account executive",
                  "who")),
          Map.entry("channel", List.of("sales channel", "source")),
          Map.entry("segment", List.of("customer segment", "tier")),
          Map.entry("customer", List.of("client", "account")),
          Map.entry("team", List.of("squad")));

  public UnderstandingProperties {
    clarifyMargin = clarifyMargin == null ? 0.10 : clarifyMargin;
    metricSynonyms = merged(DEFAULT_METRIC_SYNONYMS, metricSynonyms);
    dimensionSynonyms = merged(DEFAULT_DIMENSION_SYNONYMS, dimensionSynonyms);
  }

  /** The defaults alone. */
  public static UnderstandingProperties defaults() {
    return new UnderstandingProperties(null, null, null);
  }

  private static Map<String, List<String>> merged(
      Map<String, List<String>> defaults, Map<String, List<String>> configured) {
    Map<String, LinkedHashSet<String>> merged = new LinkedHashMap<>();
    defaults.forEach(
        (name, words) -> merged.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(words));
    if (configured != null) {
      configured.forEach(
          (name, words) -> merged.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(words));
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    merged.forEach((name, words) -> result.put(name, List.copyOf(words)));
    return Map.copyOf(result);
  }
}
