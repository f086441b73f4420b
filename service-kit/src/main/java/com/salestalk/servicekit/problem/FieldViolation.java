package com.salestalk.servicekit.problem;

/**
 * One offending input of a rejected request, listed in the problem's {@code errors} member.
 *
 * @param field the body field ({@code name}, {@code items[2].sku}), query parameter or header
 * @param message what is wrong with it, for a human
 */
public record FieldViolation(String field, String message) {}
