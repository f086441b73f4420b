package com.salestalk.eventcontracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A tenant's subscription plan. */
public enum Plan {
  TRIAL,
  STANDARD,
  ENTERPRISE;

  /** The JSON form, e.g. {@code trial}; also read back by Jackson. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
