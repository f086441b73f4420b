/**
 * Answering a question: a query plan runs against the tenant's month cells and becomes a narrative
 * from templates per intent, with the figures it quotes and a computed grounding check.
 */
package com.salestalk.chathandler.answering;
