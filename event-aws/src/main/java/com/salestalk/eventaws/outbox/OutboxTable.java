package com.salestalk.eventaws.outbox;

/** Attribute names and values of the {@code {env}-outbox} table (docs/DATA_CONTRACTS.md). */
final class OutboxTable {
  static final String ID = "id";
  static final String STATUS = "status";
  static final String SOURCE = "source";
  static final String EVENT_TYPE = "eventType";
  static final String PAYLOAD = "payload";
  static final String CREATED_AT = "createdAt";
  static final String ATTEMPTS = "attempts";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String CLAIMED_BY = "claimedBy";
  static final String CLAIM_UNTIL = "claimUntil";
  static final String LAST_ERROR = "lastError";

  /** GSI: hash {@code status}, range {@code createdAt}, projection ALL. */
  static final String STATUS_INDEX = "status-createdAt";

  static final String PENDING = "PENDING";
  static final String FAILED = "FAILED";

  private OutboxTable() {}
}
