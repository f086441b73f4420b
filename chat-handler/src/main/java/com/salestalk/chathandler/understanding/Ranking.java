package com.salestalk.chathandler.understanding;

/**
 * A ranking the question asks for: {@code limit} entries (null: all of them, ranked), highest first
 * unless the question asks for the lowest ("bottom 3", "worst region").
 */
public record Ranking(Integer limit, boolean lowestFirst) {}
