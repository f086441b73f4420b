package com.salestalk.eventcontracts.catalog;

/** Where an event type stands in the version support policy. */
public enum SupportStatus {
  /** Fully supported. */
  CURRENT,
  /** Still accepted, but announced for removal; producers should move to the successor. */
  DEPRECATED,
  /** Past its sunset date: no longer accepted. */
  SUNSET
}
