package com.salestalk.eventaws.outbox;

/**
 * What one relay run did.
 *
 * @param claimed entries this relay claimed
 * @param published entries EventBridge accepted; deleted from the outbox
 * @param retried entries that failed retryably; back to {@code PENDING} with a later {@code
 *     nextAttemptAt}
 * @param parked entries marked {@code FAILED} (non-retryable, or attempts exhausted)
 */
public record RelayRun(int claimed, int published, int retried, int parked) {}
