package com.salestalk.eventcontracts.validation;

/** How strictly events are checked. */
public enum ValidationMode {
  /** For producers: closed schemas, only released revisions. */
  STRICT,
  /**
   * For consumers (tolerant reader): unknown optional fields and newer minor revisions of the same
   * major version are accepted.
   */
  TOLERANT
}
