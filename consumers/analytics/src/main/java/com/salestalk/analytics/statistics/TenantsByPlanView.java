package com.salestalk.analytics.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salestalk.eventcontracts.events.Plan;
import com.salestalk.servicekit.query.DateRange;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/analytics/tenants-by-plan}: tenants provisioned so far, per
 * plan, and those of a range of days when asked for.
 *
 * @param tenants every tenant provisioned so far
 * @param byPlan per plan (every plan listed)
 * @param range those provisioned from {@code from} to {@code to}; absent unless both were given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TenantsByPlanView(long tenants, Map<String, Long> byPlan, RangeView range) {

  /**
   * Tenants provisioned in a range of UTC days.
   *
   * @param from first day
   * @param to last day
   * @param tenants how many
   * @param byPlan per plan (every plan listed)
   */
  record RangeView(LocalDate from, LocalDate to, long tenants, Map<String, Long> byPlan) {}

  static TenantsByPlanView of(Map<Plan, Long> total, DateRange range, Map<Plan, Long> inRange) {
    return new TenantsByPlanView(
        sum(total),
        byPlan(total),
        range == null
            ? null
            : new RangeView(range.from(), range.to(), sum(inRange), byPlan(inRange)));
  }

  private static Map<String, Long> byPlan(Map<Plan, Long> counts) {
    Map<String, Long> byPlan = new LinkedHashMap<>();
    for (Plan plan : Plan.values()) {
      byPlan.put(plan.wire(), counts.getOrDefault(plan, 0L));
    }
    return byPlan;
  }

  private static long sum(Map<Plan, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
