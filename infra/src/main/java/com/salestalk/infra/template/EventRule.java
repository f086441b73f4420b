package com.salestalk.infra.template;

import java.util.List;

/**
 * An {@code AWS::Events::Rule} of the template.
 *
 * @param logicalId its logical id
 * @param eventPattern its event pattern as JSON, as EventBridge (and Event Ruler) read it
 * @param targetLogicalIds logical ids of the resources its targets point at
 * @param deadLetterLogicalIds logical ids of its targets' dead-letter queues, one per target that
 *     has one
 * @param retryPolicies how many of its targets carry a retry policy
 */
public record EventRule(
    String logicalId,
    String eventPattern,
    List<String> targetLogicalIds,
    List<String> deadLetterLogicalIds,
    int retryPolicies) {

  /** Copies the lists. */
  public EventRule {
    targetLogicalIds = List.copyOf(targetLogicalIds);
    deadLetterLogicalIds = List.copyOf(deadLetterLogicalIds);
  }
}
