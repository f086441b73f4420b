package com.salestalk.infra.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a deploy did.
 *
 * @param stackName the stack
 * @param action what happened to the stack
 * @param status the stack's final status, e.g. {@code CREATE_COMPLETE}
 * @param outputs the stack outputs as the stack reports them, in template order
 * @param alarmsCreated alarms of the template that were missing and were created with
 *     PutMetricAlarm (on AWS none; on moto all of them after a create)
 * @param elapsed how long it took
 */
public record DeployResult(
    String stackName,
    Action action,
    String status,
    Map<String, String> outputs,
    List<String> alarmsCreated,
    Duration elapsed) {

  /** Copies the collections. */
  public DeployResult {
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    alarmsCreated = List.copyOf(alarmsCreated);
  }

  /** What a deploy did to the stack. */
  public enum Action {
    /** The stack did not exist and was created. */
    CREATED,
    /** The stack existed and was updated. */
    UPDATED,
    /** The stack already had this template and these parameters. */
    UNCHANGED
  }
}
