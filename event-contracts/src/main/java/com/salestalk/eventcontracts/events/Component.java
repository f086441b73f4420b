package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The software that produced a result (a classifier, a narrative generator).
 *
 * @param name e.g. {@code keyword-intent}
 * @param version e.g. {@code 1.0.0}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Component(String name, String version) {

  /** Requires both parts. */
  public Component {
    Components.required(name, "name");
    Components.required(version, "version");
  }
}
