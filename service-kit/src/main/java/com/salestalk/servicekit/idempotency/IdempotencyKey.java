package com.salestalk.servicekit.idempotency;

/**
 * The table key of one client-supplied {@code Idempotency-Key}: {@code http#{service}#{tenant or
 * admin}#{key}}, so keys of different services and callers never meet.
 *
 * @param value the table key
 */
public record IdempotencyKey(String value) {}
