package com.salestalk.tenantonboard.tenants;

import java.util.Locale;

/** Whether a tenant's API keys authenticate. */
enum TenantStatus {
  /** Its usable keys authenticate. */
  ACTIVE,
  /** None of its keys authenticate (an administrator suspended it). */
  SUSPENDED;

  /** The wire name. */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
