package com.salestalk.tenantonboard.tenants;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The subscription plans of the catalog's tenant.provisioned.v1. */
enum Plan {
  TRIAL,
  STANDARD,
  ENTERPRISE;

  /** The wire name. */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Plan> fromWire(String text) {
    return Arrays.stream(values()).filter(p -> p.wire().equals(text)).findFirst();
  }

  static List<String> wireNames() {
    return Arrays.stream(values()).map(Plan::wire).toList();
  }
}
