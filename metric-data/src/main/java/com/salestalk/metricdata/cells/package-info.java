/**
 * Aggregation's cells (sum, count, min, max per tenant, metric, month and dimension value), how
 * they are stored, and the reader that derives period figures from them for aggregation's API and
 * chat-handler.
 */
package com.salestalk.metricdata.cells;
