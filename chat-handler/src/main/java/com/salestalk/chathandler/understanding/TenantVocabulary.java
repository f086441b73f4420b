package com.salestalk.chathandler.understanding;

import java.time.ZoneId;
import java.util.Set;

/**
 * What a tenant's questions are matched against: its own metric and dimension names (as aggregation
 * knows them) and the timezone its "today" is in.
 */
public record TenantVocabulary(Set<String> metrics, Set<String> dimensions, ZoneId timezone) {

  public TenantVocabulary {
    metrics = Set.copyOf(metrics);
    dimensions = Set.copyOf(dimensions);
  }
}
